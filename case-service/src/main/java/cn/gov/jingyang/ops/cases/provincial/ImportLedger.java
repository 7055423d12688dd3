package cn.gov.jingyang.ops.cases.provincial;

import cn.gov.jingyang.ops.cases.provincial.ImportProgress.BadRowView;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The record of each batch (provincial_import): who owns it now, its progress, its bad rows. */
@ApplicationScoped
public class ImportLedger {

  /** A batch taken by a POST: resuming after {@code linesDone}, or already completed. */
  public record Claim(boolean completed, long linesDone) {}

  /** A row that was not imported; its reason is cut to {@link #MAX_REASON} characters. */
  public record BadRow(long line, String reason) {
    public static final int MAX_REASON = 200;

    public BadRow {
      if (reason != null && reason.length() > MAX_REASON) {
        reason = reason.substring(0, MAX_REASON);
      }
    }
  }

  private final DataSource dataSource;
  private final Outbox outbox;

  public ImportLedger(DataSource dataSource, Outbox outbox) {
    this.dataSource = dataSource;
    this.outbox = outbox;
  }

  /**
   * Starts the batch, or resumes it if it FAILED or its last chunk is older than {@code
   * staleAfter}; a batch still running elsewhere is 409.
   */
  public Claim claim(String batchId, ListFormat format, String by, Duration staleAfter) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement insert =
                    c.prepareStatement(
                        "insert into provincial_import (batch_id, format, status, started_by)"
                            + " values (?, ?, 'RUNNING', ?) on conflict (batch_id) do nothing")) {
                  insert.setString(1, batchId);
                  insert.setString(2, format.name());
                  insert.setString(3, by);
                  if (insert.executeUpdate() == 1) {
                    return new Claim(false, 0);
                  }
                }
                try (PreparedStatement lock =
                    c.prepareStatement(
                        "select status, lines_done, heartbeat_at > now() - ? * interval '1 second'"
                            + " from provincial_import where batch_id = ? for update")) {
                  lock.setLong(1, staleAfter.toSeconds());
                  lock.setString(2, batchId);
                  try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    String status = rs.getString(1);
                    if ("COMPLETED".equals(status)) {
                      return new Claim(true, rs.getLong(2));
                    }
                    if ("RUNNING".equals(status) && rs.getBoolean(3)) {
                      throw ProblemException.conflict(
                          "import-running",
                          "batch " + batchId + " is being imported; see GET /imports/" + batchId);
                    }
                    long linesDone = rs.getLong(2);
                    update(
                        c,
                        "update provincial_import set status = 'RUNNING', error = null,"
                            + " format = ?, heartbeat_at = now() where batch_id = ?",
                        format.name(),
                        batchId);
                    return new Claim(false, linesDone);
                  }
                }
              }
            });
  }

  /** In the chunk's transaction: its counts, its bad rows, how far the body has been read. */
  public void recordChunk(
      String batchId, ImportChunk.Counts counts, List<BadRow> bad, long read, long lastLine)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      if (!bad.isEmpty()) {
        try (PreparedStatement insert =
            c.prepareStatement(
                "insert into provincial_import_bad_row (batch_id, line, reason) values (?, ?, ?)"
                    + " on conflict do nothing")) {
          for (BadRow b : bad) {
            insert.setString(1, batchId);
            insert.setLong(2, b.line());
            insert.setString(3, b.reason());
            insert.addBatch();
          }
          insert.executeBatch();
        }
      }
      try (PreparedStatement progress =
          c.prepareStatement(
              "update provincial_import set rows_read = rows_read + ?, tasks_created ="
                  + " tasks_created + ?, sources_added = sources_added + ?, duplicates ="
                  + " duplicates + ?, unroutable = unroutable + ?, bad_rows = bad_rows + ?,"
                  + " lines_done = ?, heartbeat_at = now() where batch_id = ?")) {
        progress.setLong(1, read);
        progress.setLong(2, counts.created());
        progress.setLong(3, counts.sourcesAdded());
        progress.setLong(4, counts.duplicates());
        progress.setLong(5, counts.unroutable());
        progress.setLong(6, bad.size());
        progress.setLong(7, lastLine);
        progress.setString(8, batchId);
        progress.executeUpdate();
      }
    }
  }

  /** FAILED, with its ProvincialBatchFailed event (the reason as a category only). */
  public void fail(String batchId, Throwable failure) {
    ProvincialBatchFailed.Reason reason = ProvincialBatchFailed.Reason.of(failure);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              try (Connection c = dataSource.getConnection()) {
                update(
                    c,
                    "update provincial_import set status = 'FAILED', error = ? where batch_id = ?",
                    "interrupted: " + reason,
                    batchId);
                try (PreparedStatement lines =
                    c.prepareStatement(
                        "select lines_done, now() from provincial_import where batch_id = ?")) {
                  lines.setString(1, batchId);
                  try (ResultSet rs = lines.executeQuery()) {
                    rs.next();
                    ImportProgress p = progress(batchId, 0).orElseThrow();
                    outbox.append(
                        new ProvincialBatchFailed(
                            p.batchId(),
                            p.format(),
                            reason,
                            rs.getLong(1),
                            p.rowsRead(),
                            p.tasksCreated(),
                            p.sourcesAdded(),
                            p.badRows(),
                            p.startedAt(),
                            rs.getObject(2, OffsetDateTime.class),
                            p.startedBy()));
                  }
                }
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  /** COMPLETED, with its ProvincialBatchImported event. */
  public void complete(String batchId) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              try (Connection c = dataSource.getConnection()) {
                update(
                    c,
                    "update provincial_import set status = 'COMPLETED', finished_at = now()"
                        + " where batch_id = ?",
                    batchId);
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
              ImportProgress p = progress(batchId, 0).orElseThrow();
              outbox.append(
                  new ProvincialBatchImported(
                      p.batchId(),
                      p.format(),
                      p.rowsRead(),
                      p.tasksCreated(),
                      p.sourcesAdded(),
                      p.duplicates(),
                      p.unroutable(),
                      p.badRows(),
                      p.startedAt(),
                      p.finishedAt(),
                      p.startedBy()));
            });
  }

  public Optional<ImportProgress> progress(String batchId, int badRowsShown) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "select batch_id, format, status, rows_read, tasks_created, sources_added,"
                    + " duplicates, unroutable, bad_rows, error, started_at, started_by,"
                    + " finished_at from provincial_import where batch_id = ?")) {
      select.setString(1, batchId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new ImportProgress(
                rs.getString(1),
                ListFormat.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getLong(7),
                rs.getLong(8),
                rs.getLong(9),
                badRows(c, batchId, badRowsShown),
                rs.getString(10),
                rs.getObject(11, OffsetDateTime.class),
                rs.getString(12),
                rs.getObject(13, OffsetDateTime.class)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<BadRowView> badRows(Connection c, String batchId, int limit)
      throws SQLException {
    List<BadRowView> rows = new ArrayList<>();
    if (limit <= 0) {
      return rows;
    }
    try (PreparedStatement select =
        c.prepareStatement(
            "select line, reason from provincial_import_bad_row where batch_id = ?"
                + " order by line limit ?")) {
      select.setString(1, batchId);
      select.setInt(2, limit);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rows.add(new BadRowView(rs.getLong(1), rs.getString(2)));
        }
      }
    }
    return rows;
  }

  private static void update(Connection c, String sql, String... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      ps.executeUpdate();
    }
  }
}
