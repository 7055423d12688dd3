package cn.gov.jingyang.ops.gateway.token;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A system that gets tokens from the token endpoint: its roles, its unit, its hashed secret. */
@Entity
@Table(name = "api_client")
public class ApiClient extends PanacheEntityBase {

  @Id
  @Column(name = "client_id")
  public String clientId;

  @Column(name = "secret_hash", nullable = false)
  public String secretHash;

  /** Roles, comma-separated. */
  @Column(nullable = false)
  public String roles;

  @Column(name = "unit_id")
  public UUID unitId;

  @Column(nullable = false)
  public boolean disabled;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "secret_changed_at", nullable = false)
  public OffsetDateTime secretChangedAt;

  public List<String> roleList() {
    return roles.isEmpty() ? List.of() : Arrays.asList(roles.split(","));
  }
}
