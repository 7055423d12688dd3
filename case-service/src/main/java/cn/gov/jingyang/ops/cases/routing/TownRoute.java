package cn.gov.jingyang.ops.cases.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A town (gazetteer code) and the police station that covers it: its primary station. */
@Entity
@Table(name = "routing_town")
public class TownRoute {

  @Id
  @Column(name = "town_code")
  private String townCode;

  @Column(name = "town_name")
  private String townName;

  @Column(name = "station_unit_id")
  private UUID stationUnitId;

  protected TownRoute() {}

  static TownRoute of(String townCode, String townName, UUID stationUnitId) {
    TownRoute route = new TownRoute();
    route.townCode = townCode;
    route.townName = townName;
    route.stationUnitId = stationUnitId;
    return route;
  }

  void moveTo(UUID station, String name) {
    stationUnitId = station;
    townName = name;
  }

  public String townCode() {
    return townCode;
  }

  public String townName() {
    return townName;
  }

  public UUID stationUnitId() {
    return stationUnitId;
  }
}
