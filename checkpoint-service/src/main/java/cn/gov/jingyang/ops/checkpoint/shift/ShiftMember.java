package cn.gov.jingyang.ops.checkpoint.shift;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.UUID;

@Embeddable
public class ShiftMember {

  @Column(name = "person_id")
  private UUID personId;

  @Enumerated(EnumType.STRING)
  private ShiftRole role;

  protected ShiftMember() {}

  public ShiftMember(UUID personId, ShiftRole role) {
    this.personId = personId;
    this.role = role;
  }

  public UUID personId() {
    return personId;
  }

  public ShiftRole role() {
    return role;
  }
}
