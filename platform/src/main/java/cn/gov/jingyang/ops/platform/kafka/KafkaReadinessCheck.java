package cn.gov.jingyang.ops.platform.kafka;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the Kafka cluster answers (events would otherwise pile up in the outbox). */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

  private final KafkaClients clients;
  private Admin admin;

  public KafkaReadinessCheck(KafkaClients clients) {
    this.clients = clients;
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("kafka").withData("bootstrap", clients.bootstrapServers());
    try {
      int nodes = admin().describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
      return response.withData("nodes", nodes).status(nodes > 0).build();
    } catch (Exception e) {
      return response.withData("error", e.getClass().getSimpleName()).down().build();
    }
  }

  private synchronized Admin admin() {
    if (admin == null) {
      admin = clients.admin();
    }
    return admin;
  }

  @PreDestroy
  synchronized void close() {
    if (admin != null) {
      admin.close();
    }
  }
}
