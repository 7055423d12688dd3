package cn.gov.jingyang.ops.platform.outbox;

import cn.gov.jingyang.ops.platform.config.PlatformConfig;
import cn.gov.jingyang.ops.platform.idempotency.IdempotencyConfig;
import cn.gov.jingyang.ops.platform.idempotency.IdempotencyKeys;
import cn.gov.jingyang.ops.platform.inbox.ProcessedEvents;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The one retention job of a service: removes published outbox rows, remembered event ids and
 * idempotency keys (with their stored responses) once their retention has passed. The outbox is
 * also the feed, so it is purged as a prefix only: the oldest rows, up to the first row that is
 * still queued (not yet acknowledged by Kafka) or younger than the retention (a BLOCKED row holds
 * back the purge of all later rows). A row's age is from its append ({@code occurred_at}). The
 * highest purged seq is recorded as the feed's purge horizon, in the same statement.
 */
@ApplicationScoped
public class Retention {

  private static final Logger LOG = Logger.getLogger(Retention.class);

  private final DataSource dataSource;
  private final ProcessedEvents processed;
  private final IdempotencyKeys idempotencyKeys;
  private final PlatformConfig config;
  private final IdempotencyConfig idempotency;

  public Retention(
      DataSource dataSource,
      ProcessedEvents processed,
      IdempotencyKeys idempotencyKeys,
      PlatformConfig config,
      IdempotencyConfig idempotency) {
    this.dataSource = dataSource;
    this.processed = processed;
    this.idempotencyKeys = idempotencyKeys;
    this.config = config;
    this.idempotency = idempotency;
  }

  @Scheduled(
      every = "${ops.retention.every:1h}",
      delayed = "5m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public void purge() throws SQLException {
    int outbox;
    try (Connection c = dataSource.getConnection()) {
      outbox = purgePublishedBefore(c, Instant.now().minus(config.outbox().retention()));
    }
    int inbox = processed.forgetBefore(Instant.now().minus(config.consumer().processedRetention()));
    int keys = idempotencyKeys.forgetBefore(Instant.now().minus(idempotency.retention()));
    if (outbox + inbox + keys > 0) {
      LOG.infof(
          "retention: removed %d published outbox rows, %d processed-event ids, %d idempotency keys",
          outbox, inbox, keys);
    }
  }

  /**
   * Deletes the purgeable prefix of the outbox, moves the purge horizon; returns the rows removed.
   */
  public static int purgePublishedBefore(Connection c, Instant before) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "with first_kept as (select least((select min(seq) from outbox_pending),"
                + "   (select seq from outbox where occurred_at >= ? order by seq limit 1)) as seq),"
                + " gone as (delete from outbox"
                + "   where seq < coalesce((select seq from first_kept), 9223372036854775807)"
                + "   returning seq)"
                + " update outbox_purge_horizon"
                + " set purged_through = greatest(purged_through, coalesce((select max(seq) from gone), 0))"
                + " returning (select count(*) from gone)")) {
      ps.setTimestamp(1, Timestamp.from(before));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
