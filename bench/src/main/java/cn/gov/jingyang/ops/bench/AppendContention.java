package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.platform.outbox.OutboxAppend;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Concurrent writers appending to the outbox, with the append lock taken at the first append and
 * held through the rest of the transaction (the strategy the platform replaced, kept here only to
 * compare) or at the end of the transaction ({@code Outbox}'s before-completion: the same
 * statements, {@link OutboxAppend#appendAll}, issued last).
 */
final class AppendContention {

  enum Strategy {
    LOCK_AT_FIRST_APPEND,
    LOCK_AT_COMMIT
  }

  private final DataSource dataSource;

  AppendContention(DataSource dataSource) throws SQLException {
    this.dataSource = dataSource;
    try (Connection c = dataSource.getConnection()) {
      c.createStatement()
          .execute(
              "create table if not exists bench_account (id int primary key, n bigint not null)");
      c.createStatement()
          .execute(
              "insert into bench_account select i, 0 from generate_series(1, 64) i on conflict do nothing");
    }
  }

  /**
   * Committed transactions per second over {@code seconds}, with {@code writers} threads. Each
   * transaction appends an event, then does what a service does after it: updates a row and works
   * {@code workMillis} (validation, a remote read).
   */
  double writesPerSecond(Strategy strategy, int writers, int seconds, int workMillis)
      throws Exception {
    AtomicInteger commits = new AtomicInteger();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    run(
        writers,
        () -> {
          while (System.nanoTime() < end) {
            int account = ThreadLocalRandom.current().nextInt(1, 65);
            transaction(strategy, "account-" + account, account, workMillis);
            commits.incrementAndGet();
          }
        });
    return commits.get() / (double) seconds;
  }

  /**
   * The deadlock scenario: half the transactions append for aggregate A and then lock row B, the
   * other half lock row B and then append. Returns the number of transactions PostgreSQL aborted as
   * deadlocked (SQLSTATE 40P01).
   */
  int deadlocks(Strategy strategy, int writers, int iterations) throws Exception {
    AtomicInteger deadlocks = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    run(
        writers,
        () -> {
          for (int i = next.getAndIncrement(); i < iterations; i = next.getAndIncrement()) {
            int b = 1 + (i / 2) % 2; // transactions i and i+1 cross on the same row
            try {
              if (i % 2 == 0) {
                transaction(strategy, "person-a-" + i, b, 1);
              } else {
                lockThenAppend(b);
              }
            } catch (SQLException e) {
              if (!"40P01".equals(e.getSQLState())) {
                throw e;
              }
              deadlocks.incrementAndGet();
            }
          }
        });
    return deadlocks.get();
  }

  private void transaction(Strategy strategy, String aggregate, int account, int workMillis)
      throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        List<OutboxAppend.NewRow> rows = List.of(row(aggregate));
        if (strategy == Strategy.LOCK_AT_FIRST_APPEND) {
          OutboxAppend.appendAll(c, rows);
        }
        update(c, account);
        Thread.sleep(workMillis);
        if (strategy == Strategy.LOCK_AT_COMMIT) {
          OutboxAppend.appendAll(c, rows);
        }
        c.commit();
      } catch (Exception e) {
        c.rollback();
        throw e;
      }
    }
  }

  private void lockThenAppend(int account) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        update(c, account);
        OutboxAppend.appendAll(c, List.of(row("person-" + account)));
        c.commit();
      } catch (Exception e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static void update(Connection c, int account) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("update bench_account set n = n + 1 where id = ?")) {
      ps.setInt(1, account);
      ps.executeUpdate();
    }
  }

  private static OutboxAppend.NewRow row(String aggregate) {
    UUID id = UUID.randomUUID();
    String event =
        "{\"specversion\":\"1.0\",\"id\":\""
            + id
            + "\",\"source\":\"/jingyang/bench\","
            + "\"type\":\"cn.gov.jingyang.bench.Written\",\"subject\":\""
            + aggregate
            + "\",\"data\":{}}";
    return new OutboxAppend.NewRow(
        id,
        "bench.events",
        "Bench",
        aggregate,
        "cn.gov.jingyang.bench.Written",
        event,
        OffsetDateTime.now(),
        null,
        null);
  }

  private interface Work {
    void run() throws Exception;
  }

  private static void run(int threads, Work work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        running.add(
            pool.submit(
                () -> {
                  work.run();
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
