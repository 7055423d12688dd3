package cn.gov.jingyang.ops.platform.testapp;

import cn.gov.jingyang.ops.infra.FileTrees;
import cn.gov.jingyang.ops.infra.FreePorts;
import cn.gov.jingyang.ops.infra.PostgresServer;
import cn.gov.jingyang.ops.infra.TestInfrastructure;
import cn.gov.jingyang.ops.infra.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A PostgreSQL of its own for the outage test, which stops and restarts it on the same port and
 * data directory; the shared server of the other tests is never touched. Quarkus starts test
 * resources in a class loader of their own, so the test reaches the server through a platform MBean
 * ({@link #stopServer()}, {@link #startServer()}).
 */
public class OutagePostgres implements QuarkusTestResourceLifecycleManager, OutagePostgresMBean {

  static final String DATABASE = "platform_outage_test";
  private static final String NAME = "cn.gov.jingyang.ops.platform.testapp:type=OutagePostgres";

  private Path directory;
  private int port;
  private PostgresServer server;

  @Override
  public Map<String, String> start() {
    TestInfrastructure infra = TestInfrastructure.get();
    Topics.ensure(
        infra.bootstrapServers(),
        List.of(
            UseRealInfrastructure.INBOUND,
            UseRealInfrastructure.INBOUND + ".dlt",
            "platformtest.events"),
        3);
    directory =
        Path.of(System.getProperty("infra.work-dir", "target/infra"))
            .toAbsolutePath()
            .resolve("outage-postgres");
    port = FreePorts.next();
    try {
      FileTrees.delete(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    restart(); // not "clean": that would delete the data directory when the server stops
    server.ensureDatabase(DATABASE);
    register();
    Map<String, String> config = new HashMap<>(infra.quarkusConfig("platform_test"));
    config.put("quarkus.datasource.jdbc.url", server.jdbcUrl(DATABASE));
    config.put("quarkus.datasource.username", PostgresServer.USER);
    config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
    return config;
  }

  @Override
  public void stop() {
    halt();
    try {
      ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(NAME));
    } catch (JMException e) {
      // already gone
    }
  }

  @Override
  public synchronized void halt() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  @Override
  public synchronized void restart() {
    if (server == null) {
      server = PostgresServer.start(directory, port, false);
    }
  }

  private void register() {
    try {
      MBeanServer beans = ManagementFactory.getPlatformMBeanServer();
      ObjectName name = new ObjectName(NAME);
      if (beans.isRegistered(name)) {
        beans.unregisterMBean(name);
      }
      beans.registerMBean(this, name);
    } catch (JMException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops the private server (fast shutdown: sessions are cut, new connections refused). */
  public static void stopServer() {
    invoke("halt");
  }

  /** Starts it again on the same port and data directory. */
  public static void startServer() {
    invoke("restart");
  }

  private static void invoke(String operation) {
    try {
      ManagementFactory.getPlatformMBeanServer()
          .invoke(new ObjectName(NAME), operation, new Object[0], new String[0]);
    } catch (JMException e) {
      throw new IllegalStateException(operation + " of the outage PostgreSQL failed", e);
    }
  }
}
