package cn.gov.jingyang.ops.platform.kafka;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/** Ready only while the Kafka cluster answers (events would otherwise pile up in the outbox). */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(KafkaReadinessCheck.class);

  private final KafkaClients clients;
  private Admin admin;

  public KafkaReadinessCheck(KafkaClients clients) {
    this.clients = clients;
  }

  /**
   * The status alone: broker addresses and error details stay out of this open endpoint (they go to
   * the log).
   */
  @Override
  public HealthCheckResponse call() {
    try {
      int nodes = admin().describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
      return HealthCheckResponse.named("kafka").status(nodes > 0).build();
    } catch (Exception e) {
      LOG.warnf("readiness: the Kafka cluster does not answer: %s", e.toString());
      return HealthCheckResponse.down("kafka");
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
