package cn.gov.jingyang.ops.cases.routing;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Checks a unit id another record refers to (a case's lead unit) against the units this service
 * heard of from personnel-service (UnitRegistered, UnitCoverageChanged): otherwise a 422 naming the
 * request field that carried the id.
 */
@ApplicationScoped
public class KnownUnits {

  private final RoutingTable routing;

  public KnownUnits(RoutingTable routing) {
    this.routing = routing;
  }

  /** The unit, known; else 422 naming {@code field}. */
  public RoutingUnit require(UUID unitId, String field) {
    return routing
        .unit(unitId)
        .orElseThrow(
            () ->
                ProblemException.unprocessable(
                    field, "unit " + unitId + " is not known to personnel-service"));
  }
}
