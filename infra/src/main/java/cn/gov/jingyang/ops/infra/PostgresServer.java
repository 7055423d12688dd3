package cn.gov.jingyang.ops.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A real PostgreSQL server process, from the binaries Maven serves (io.zonky.test; those of this
 * machine's system and architecture, {@link PostgresBinaries}). Its data directory is kept between
 * starts unless {@code clean} is asked for, so the stack's data survives restarts while a test run
 * starts empty.
 */
public final class PostgresServer implements AutoCloseable {

  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";

  private final EmbeddedPostgres postgres;

  private PostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static PostgresServer start(Path dataDirectory, int port, boolean clean) {
    PostgresBinaries.current().requireOnClasspath();
    try {
      Files.createDirectories(dataDirectory.getParent());
      if (clean) {
        FileTrees.delete(dataDirectory);
      }
      // initdb runs when the directory holds no cluster yet; "clean" also deletes it on close
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(clean)
              .setPort(port)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("max_connections", "300")
              .setServerConfig("fsync", clean ? "off" : "on")
              .setServerConfig("synchronous_commit", clean ? "off" : "on")
              .setServerConfig("full_page_writes", clean ? "off" : "on")
              .setServerConfig("listen_addresses", "127.0.0.1");
      if (!clean) {
        durable(builder);
      }
      EmbeddedPostgres postgres = builder.start();
      return new PostgresServer(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start in " + dataDirectory, e);
    }
  }

  /**
   * A server that keeps its data is sized for the suite's sustained load, as an operator would size
   * it, not left at PostgreSQL's defaults: buffers that hold the working set of four services'
   * indexes (random UUID keys touch pages all over them), and checkpoints spread over 15 minutes
   * and 4 GB of WAL rather than forced by every 1 GB, each followed by a burst of full page images
   * that stalls every commit. Its log, with every checkpoint, is kept in {@code log/} of the data
   * directory.
   */
  private static void durable(EmbeddedPostgres.Builder builder) {
    builder
        .setServerConfig("shared_buffers", "1GB")
        .setServerConfig("max_wal_size", "4GB")
        .setServerConfig("checkpoint_timeout", "15min")
        .setServerConfig("log_checkpoints", "on")
        .setServerConfig("log_autovacuum_min_duration", "10s")
        .setServerConfig("logging_collector", "on")
        .setServerConfig("log_directory", "log");
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl(String database) {
    return jdbcUrl("127.0.0.1", port(), database);
  }

  public static String jdbcUrl(String host, int port, String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** Creates the database unless it exists; works on any server the admin URL reaches. */
  public static void ensureDatabase(
      String adminJdbcUrl, String user, String password, String name) {
    if (!name.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    try (Connection c = DriverManager.getConnection(adminJdbcUrl, user, password);
        var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, name);
      try (var rs = exists.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      try (var create = c.createStatement()) {
        create.execute("create database " + name);
      }
    } catch (SQLException e) {
      if ("42P04".equals(e.getSQLState())) {
        return; // created concurrently
      }
      throw new IllegalStateException("could not create database " + name, e);
    }
  }

  public void ensureDatabase(String name) {
    ensureDatabase(jdbcUrl("postgres"), USER, PASSWORD, name);
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
