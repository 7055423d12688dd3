package cn.gov.jingyang.ops.personnel.unit;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** A node of the unit tree. Only a police station covers towns. */
@Entity
@Table(name = "unit")
public class Unit {

  @Id private UUID id;
  private String code;
  private String name;

  @Enumerated(EnumType.STRING)
  private UnitKind kind;

  @Column(name = "parent_id")
  private UUID parentId;

  private String[] towns;

  @Version private long version;

  protected Unit() {}

  public Unit(String code, String name, UnitKind kind, Unit parent, List<String> towns) {
    if (kind == UnitKind.BUREAU && parent != null) {
      throw ProblemException.unprocessable("parentId", "the bureau is the root of the tree");
    }
    if (kind != UnitKind.BUREAU && kind != UnitKind.EXTERNAL_DEPARTMENT && parent == null) {
      throw ProblemException.unprocessable("parentId", "a " + kind + " belongs to a parent unit");
    }
    this.id = UUID.randomUUID();
    this.code = code;
    this.name = name;
    this.kind = kind;
    this.parentId = parent == null ? null : parent.id;
    this.towns = new String[0];
    if (towns != null && !towns.isEmpty()) {
      cover(towns);
    }
  }

  /** Replaces the towns this station covers; returns true if the coverage changed. */
  public boolean cover(List<String> newTowns) {
    if (kind != UnitKind.POLICE_STATION) {
      throw ProblemException.conflict(
          "not-a-police-station", "only a police station covers towns; " + code + " is a " + kind);
    }
    String[] normalized =
        new LinkedHashSet<>(newTowns.stream().map(String::trim).toList()).toArray(String[]::new);
    if (Arrays.equals(normalized, towns)) {
      return false;
    }
    towns = normalized;
    return true;
  }

  public UUID id() {
    return id;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public UnitKind kind() {
    return kind;
  }

  public UUID parentId() {
    return parentId;
  }

  public List<String> towns() {
    return towns == null ? List.of() : List.of(towns);
  }

  public long version() {
    return version;
  }
}
