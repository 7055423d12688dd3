package cn.gov.jingyang.ops.platform.testapp;

import cn.gov.jingyang.ops.platform.correlation.TraceContext;
import cn.gov.jingyang.ops.platform.events.EventEnvelope;
import cn.gov.jingyang.ops.platform.inbox.EventHandler;
import cn.gov.jingyang.ops.platform.inbox.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Test consumer: records an effect row per ThingHappened or NoteWritten (other events are not its
 * business); an event whose data says fail=true always fails, poison=true is rejected as poison,
 * needsRepair=token is poison until {@link Repairs} fixes it.
 */
@ApplicationScoped
public class InboundHandler implements EventHandler {

  private final DataSource dataSource;

  public InboundHandler(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public String consumerName() {
    return "inbound-test";
  }

  @Override
  public Set<String> topics() {
    return Set.of(UseRealInfrastructure.INBOUND);
  }

  @Override
  public Set<String> eventNames() {
    return Set.of("ThingHappened", "NoteWritten"); // NoteWritten: TracingTest forwards one
  }

  @Override
  public void handle(EventEnvelope event) throws Exception {
    if (event.data() != null && event.data().path("poison").asBoolean(false)) {
      throw new PoisonEventException("this event breaks a rule");
    }
    String repair = event.data() == null ? null : event.data().path("needsRepair").asText(null);
    if (repair != null && !Repairs.repaired(repair)) {
      throw new PoisonEventException("needs repair " + repair + " first");
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into test_effect (event_id, correlation_id) values (?, ?)")) {
      ps.setObject(1, event.id());
      ps.setString(2, TraceContext.correlationId());
      ps.executeUpdate();
    }
    if (event.data() != null && event.data().path("fail").asBoolean(false)) {
      throw new IllegalStateException("this event cannot be applied");
    }
  }
}
