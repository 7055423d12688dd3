package cn.gov.jingyang.ops.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code event-consumers}: DOWN while any consumer is held back by a transient fault, because this
 * instance's read models then fall behind; UP again by itself once the record is through. The data
 * name the stuck consumer, since when and the fault's class, nothing more (no hosts, no messages).
 */
@Readiness
@ApplicationScoped
public class ConsumersReadinessCheck implements HealthCheck {

  private final EventConsumers consumers;

  public ConsumersReadinessCheck(EventConsumers consumers) {
    this.consumers = consumers;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("event-consumers").up();
    for (ConsumerRunner.Status s : consumers.stuck()) {
      response
          .down()
          .withData(s.consumer() + ".stuck-since", s.stuckSince().toString())
          .withData(s.consumer() + ".error", s.fault());
    }
    return response.build();
  }
}
