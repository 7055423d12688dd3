package cn.gov.jingyang.ops.platform.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Forgets idempotency keys (and their stored responses) older than {@code
 * ops.idempotency.retention}.
 */
@ApplicationScoped
public class IdempotencyRetention {

  private static final Logger LOG = Logger.getLogger(IdempotencyRetention.class);

  private final IdempotencyKeys keys;
  private final IdempotencyConfig config;

  public IdempotencyRetention(IdempotencyKeys keys, IdempotencyConfig config) {
    this.keys = keys;
    this.config = config;
  }

  @Scheduled(
      every = "${ops.retention.every:1h}",
      delayed = "5m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public void purge() throws SQLException {
    int removed = keys.forgetBefore(Instant.now().minus(config.retention()));
    if (removed > 0) {
      LOG.infof("retention: removed %d expired idempotency keys", removed);
    }
  }
}
