package cn.gov.jingyang.ops.personnel.unit;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Comparator;
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

  /** By gazetteer code; each town at most one station's (unique index station_town_primary). */
  @ElementCollection
  @CollectionTable(name = "station_town", joinColumns = @JoinColumn(name = "unit_id"))
  @OrderBy("code")
  private List<CoveredTown> towns = new ArrayList<>();

  @Version private long version;

  protected Unit() {}

  public Unit(String code, String name, UnitKind kind, Unit parent) {
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
  }

  /** Refuses coverage for a unit that is no police station. */
  public void requireStation() {
    if (kind != UnitKind.POLICE_STATION) {
      throw ProblemException.conflict(
          "not-a-police-station", "only a police station covers towns; " + code + " is a " + kind);
    }
  }

  /** Replaces the towns this station covers; returns true if the coverage changed. */
  public boolean cover(List<CoveredTown> newTowns) {
    requireStation();
    List<CoveredTown> sorted =
        newTowns.stream().distinct().sorted(Comparator.comparing(CoveredTown::code)).toList();
    if (sorted.equals(towns())) {
      return false;
    }
    towns.clear();
    towns.addAll(sorted);
    return true;
  }

  public boolean covers(String townCode) {
    return towns.stream().anyMatch(t -> t.code().equals(townCode));
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

  /** The towns covered, by code. */
  public List<CoveredTown> towns() {
    return towns.stream().sorted(Comparator.comparing(CoveredTown::code)).toList();
  }

  public long version() {
    return version;
  }
}
