package cn.gov.jingyang.ops.cases.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A unit of personnel-service's tree as this service knows it: a station and its parent. */
@Entity
@Table(name = "routing_unit")
public class RoutingUnit {

  @Id
  @Column(name = "unit_id")
  private UUID unitId;

  private String code;
  private String name;
  private String kind;

  @Column(name = "parent_id")
  private UUID parentId;

  @Column(name = "updated_at")
  private OffsetDateTime updatedAt;

  protected RoutingUnit() {}

  static RoutingUnit of(UUID unitId) {
    RoutingUnit unit = new RoutingUnit();
    unit.unitId = unitId;
    return unit;
  }

  void describe(String code, String name, String kind, UUID parentId, OffsetDateTime at) {
    this.code = code;
    this.name = name;
    if (kind != null) {
      this.kind = kind;
    }
    this.parentId = parentId;
    this.updatedAt = at;
  }

  public UUID unitId() {
    return unitId;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public String kind() {
    return kind;
  }

  public UUID parentId() {
    return parentId;
  }
}
