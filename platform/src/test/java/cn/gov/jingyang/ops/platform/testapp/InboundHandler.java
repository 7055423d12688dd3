package cn.gov.jingyang.ops.platform.testapp;

import cn.gov.jingyang.ops.platform.correlation.TraceContext;
import cn.gov.jingyang.ops.platform.events.EventEnvelope;
import cn.gov.jingyang.ops.platform.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Set;
import javax.sql.DataSource;

/** Test consumer: records an effect row per event; an event whose data says fail=true always fails. */
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
  public void handle(EventEnvelope event) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("insert into test_effect (event_id, correlation_id) values (?, ?)")) {
      ps.setObject(1, event.id());
      ps.setString(2, TraceContext.correlationId());
      ps.executeUpdate();
    }
    if (event.data() != null && event.data().path("fail").asBoolean(false)) {
      throw new IllegalStateException("this event cannot be applied");
    }
  }
}
