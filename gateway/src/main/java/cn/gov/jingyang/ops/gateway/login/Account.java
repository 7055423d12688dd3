package cn.gov.jingyang.ops.gateway.login;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A person who logs in (for the dashboard): their roles, their unit, their hashed password. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

  @Id public String username;

  @Column(name = "display_name", nullable = false)
  public String displayName;

  @Column(name = "password_hash", nullable = false)
  public String passwordHash;

  /** Roles, comma-separated. */
  @Column(nullable = false)
  public String roles;

  @Column(name = "unit_id")
  public UUID unitId;

  /** The person this account belongs to (their personnel-service id), when known. */
  @Column(name = "person_id")
  public UUID personId;

  @Column(nullable = false)
  public boolean disabled;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "password_changed_at", nullable = false)
  public OffsetDateTime passwordChangedAt;

  /** The token subject: the person's id when the account names one, else the username. */
  public String subject() {
    return personId != null ? personId.toString() : username;
  }

  public List<String> roleList() {
    return roles.isEmpty() ? List.of() : Arrays.asList(roles.split(","));
  }
}
