package cn.gov.jingyang.ops.cases.routing;

import cn.gov.jingyang.ops.platform.events.EventCodec;
import cn.gov.jingyang.ops.platform.events.EventEnvelope;
import cn.gov.jingyang.ops.platform.inbox.EventHandler;
import cn.gov.jingyang.ops.platform.inbox.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Builds the routing table from personnel.events (UnitRegistered, UnitCoverageChanged). The
 * platform runs it in a transaction that also records the event id, so a redelivered event changes
 * nothing; the open tasks of a town that moves station move in that same transaction.
 */
@ApplicationScoped
public class StationRoutingHandler implements EventHandler {

  private static final Logger LOG = Logger.getLogger(StationRoutingHandler.class);

  private final EventCodec codec;
  private final RoutingTable routing;

  public StationRoutingHandler(EventCodec codec, RoutingTable routing) {
    this.codec = codec;
    this.routing = routing;
  }

  @Override
  public String consumerName() {
    return "case-station-routing";
  }

  @Override
  public Set<String> topics() {
    return Set.of("personnel.events");
  }

  @Override
  public Set<String> eventNames() {
    return Set.of("UnitRegistered", "UnitCoverageChanged");
  }

  @Override
  public void handle(EventEnvelope event) {
    OffsetDateTime at = event.time() == null ? OffsetDateTime.now() : event.time();
    switch (event.eventName()) {
      case "UnitRegistered" -> {
        var data = codec.data(event, UnitEvents.UnitRegistered.class);
        if (data.unitId() == null || data.code() == null || data.name() == null) {
          throw new PoisonEventException("UnitRegistered without unitId, code or name");
        }
        routing.registered(data, at);
      }
      case "UnitCoverageChanged" -> {
        var data = codec.data(event, UnitEvents.UnitCoverageChanged.class);
        if (data.unitId() == null || data.code() == null || data.name() == null) {
          throw new PoisonEventException("UnitCoverageChanged without unitId, code or name");
        }
        routing.coverageChanged(data, at);
      }
      default -> LOG.debugf("ignoring %s", event.type());
    }
  }
}
