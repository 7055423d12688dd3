package cn.gov.jingyang.ops.platform.outbox;

import cn.gov.jingyang.ops.platform.config.PlatformConfig;
import cn.gov.jingyang.ops.platform.inbox.ProcessedEvents;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/** Removes published outbox rows and remembered event ids once their retention has passed. */
@ApplicationScoped
public class Retention {

  private static final Logger LOG = Logger.getLogger(Retention.class);

  private final DataSource dataSource;
  private final ProcessedEvents processed;
  private final PlatformConfig config;

  public Retention(DataSource dataSource, ProcessedEvents processed, PlatformConfig config) {
    this.dataSource = dataSource;
    this.processed = processed;
    this.config = config;
  }

  @Scheduled(every = "${ops.retention.every:1h}", delayed = "5m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void purge() throws SQLException {
    int outbox;
    try (Connection c = dataSource.getConnection()) {
      outbox = OutboxTable.purgePublishedBefore(c, Instant.now().minus(config.outbox().retention()));
    }
    int inbox = processed.forgetBefore(Instant.now().minus(config.consumer().processedRetention()));
    if (outbox + inbox > 0) {
      LOG.infof("retention: removed %d published outbox rows and %d processed-event ids", outbox, inbox);
    }
  }
}
