package cn.gov.jingyang.ops.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** The processed-event table: the memory that makes consumers idempotent. */
@ApplicationScoped
public class ProcessedEvents {

  private final DataSource dataSource;

  public ProcessedEvents(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Records the event as processed by the consumer, in the current transaction. Returns false if it
   * already was: the caller then skips the effect. A concurrent duplicate waits on the row lock and
   * then sees the first one's outcome.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean markProcessed(String consumer, UUID eventId, String eventType) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into processed_event (consumer, event_id, event_type) values (?, ?, ?)"
                    + " on conflict do nothing")) {
      ps.setString(1, consumer);
      ps.setObject(2, eventId);
      ps.setString(3, eventType);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("could not record processed event " + eventId, e);
    }
  }

  /**
   * Those of {@code eventIds} the consumer has applied (as far as {@code processed-retention}
   * remembers).
   */
  public Set<UUID> appliedAmong(String consumer, Collection<UUID> eventIds) {
    Set<UUID> applied = new HashSet<>();
    if (eventIds.isEmpty()) {
      return applied;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select event_id from processed_event where consumer = ? and event_id = any(?)")) {
      ps.setString(1, consumer);
      ps.setArray(2, c.createArrayOf("uuid", eventIds.toArray()));
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          applied.add(rs.getObject(1, UUID.class));
        }
      }
      return applied;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read processed events of " + consumer, e);
    }
  }

  public int forgetBefore(Instant before) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("delete from processed_event where processed_at < ?")) {
      ps.setTimestamp(1, java.sql.Timestamp.from(before));
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
