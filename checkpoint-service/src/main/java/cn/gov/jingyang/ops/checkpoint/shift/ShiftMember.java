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

  @Column(name = "override_reason")
  private String overrideReason;

  @Column(name = "overridden_by")
  private String overriddenBy;

  @Column(name = "override_cause")
  private String overrideCause;

  protected ShiftMember() {}

  public ShiftMember(UUID personId, ShiftRole role) {
    this.personId = personId;
    this.role = role;
  }

  /**
   * A member COMMAND put on the shift although they should rest ({@code cause}: FATIGUE_ALERT or
   * RESTING), with the reason given and who gave it.
   */
  ShiftMember overridden(String cause, String reason, String by) {
    ShiftMember m = new ShiftMember(personId, role);
    m.overrideCause = cause;
    m.overrideReason = reason;
    m.overriddenBy = by;
    return m;
  }

  public String overrideReason() {
    return overrideReason;
  }

  public String overriddenBy() {
    return overriddenBy;
  }

  public String overrideCause() {
    return overrideCause;
  }

  public UUID personId() {
    return personId;
  }

  public ShiftRole role() {
    return role;
  }
}
