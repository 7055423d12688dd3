package cn.gov.jingyang.ops.cases.routing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;

/** The data of the unit events this service consumes (contracts/events/personnel). */
final class UnitEvents {

  private UnitEvents() {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record UnitRegistered(UUID unitId, String code, String name, String kind, UUID parentId) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Town(String code, String name) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record UnitCoverageChanged(
      UUID unitId,
      String code,
      String name,
      UUID parentId,
      List<Town> previousTowns,
      List<Town> towns) {}
}
