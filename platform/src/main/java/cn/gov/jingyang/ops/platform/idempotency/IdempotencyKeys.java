package cn.gov.jingyang.ops.platform.idempotency;

import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code idempotency_key} table. Every call but {@link #forgetBefore} runs on the connection of
 * the caller's transaction: a claim is visible to others only once that transaction commits, and
 * then it holds its response.
 */
@ApplicationScoped
public class IdempotencyKeys {

  /** A key used before: the hash of the request that used it and what that request was answered. */
  record Earlier(String requestHash, StoredResponse response) {}

  /** The first request with this key has not finished within the wait. */
  static final class StillRunning extends Exception {
    StillRunning() {
      super(null, null, false, false);
    }
  }

  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private final DataSource dataSource;
  private final PersonalDataSealing sealing;

  public IdempotencyKeys(DataSource dataSource, PersonalDataSealing sealing) {
    this.dataSource = dataSource;
    this.sealing = sealing;
  }

  /**
   * Claims the key for this request, or returns what an earlier request with the key stored. A
   * concurrent request holding the claim makes this wait (on the primary key) until it commits —
   * then its response is returned — or rolls back — then this request gets the claim; after {@code
   * wait} it gives up with {@link StillRunning}. A key older than {@code expiredBefore} counts as
   * unused.
   */
  Optional<Earlier> claim(
      String caller, String key, String requestHash, Duration wait, Instant expiredBefore)
      throws SQLException, StillRunning {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "delete from idempotency_key where caller = ? and idempotency_key = ? and created_at < ?")) {
        ps.setString(1, caller);
        ps.setString(2, key);
        ps.setTimestamp(3, Timestamp.from(expiredBefore));
        ps.executeUpdate();
      }
      String previousTimeout = lockTimeout(c, Math.max(1, wait.toMillis()) + "ms");
      int claimed;
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into idempotency_key (caller, idempotency_key, request_hash) values (?, ?, ?) "
                  + "on conflict (caller, idempotency_key) do nothing")) {
        ps.setString(1, caller);
        ps.setString(2, key);
        ps.setString(3, requestHash);
        claimed = ps.executeUpdate();
      } catch (SQLException e) {
        if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
          throw new StillRunning();
        }
        throw e;
      }
      lockTimeout(c, previousTimeout);
      return claimed == 1 ? Optional.empty() : Optional.of(earlier(c, caller, key));
    }
  }

  /** Stores the response of the request holding the claim (in its transaction). */
  void complete(String caller, String key, StoredResponse response) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update idempotency_key set status = ?, content_type = ?, location = ?, etag = ?, body = ? "
                    + "where caller = ? and idempotency_key = ?")) {
      ps.setInt(1, response.status());
      ps.setString(2, response.contentType());
      ps.setString(3, response.location());
      ps.setString(4, response.etag());
      // the answer may hold ID numbers and phones in clear (a role that may see them): sealed
      ps.setString(5, sealing.seal(response.body()));
      ps.setString(6, caller);
      ps.setString(7, key);
      ps.executeUpdate();
    }
  }

  /** Gives the claim up (the request failed): a retry with the key runs again. */
  void release(String caller, String key) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "delete from idempotency_key where caller = ? and idempotency_key = ?")) {
      ps.setString(1, caller);
      ps.setString(2, key);
      ps.executeUpdate();
    }
  }

  /** Removes keys created before {@code cutoff}; returns how many. Runs in its own transaction. */
  public int forgetBefore(Instant cutoff) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("delete from idempotency_key where created_at < ?")) {
      ps.setTimestamp(1, Timestamp.from(cutoff));
      return ps.executeUpdate();
    }
  }

  private Earlier earlier(Connection c, String caller, String key)
      throws SQLException, StillRunning {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select request_hash, status, content_type, location, etag, body from idempotency_key "
                + "where caller = ? and idempotency_key = ?")) {
      ps.setString(1, caller);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          // purged between our insert and this read: the caller may simply try again
          throw new StillRunning();
        }
        return new Earlier(
            rs.getString(1),
            new StoredResponse(
                rs.getInt(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                sealing.open(rs.getString(6))));
      }
    }
  }

  /** Sets this transaction's lock_timeout; returns the value it had. */
  private static String lockTimeout(Connection c, String value) throws SQLException {
    String previous;
    try (PreparedStatement ps = c.prepareStatement("select current_setting('lock_timeout')");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      previous = rs.getString(1);
    }
    try (PreparedStatement ps = c.prepareStatement("select set_config('lock_timeout', ?, true)")) {
      ps.setString(1, value);
      ps.execute();
    }
    return previous;
  }
}
