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
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(clean)
              .setPort(port)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("max_connections", "300")
              .setServerConfig("fsync", clean ? "off" : "on")
              .setServerConfig("synchronous_commit", clean ? "off" : "on")
              .setServerConfig("full_page_writes", clean ? "off" : "on")
              .setServerConfig("listen_addresses", "127.0.0.1")
              .start();
      return new PostgresServer(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start in " + dataDirectory, e);
    }
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
