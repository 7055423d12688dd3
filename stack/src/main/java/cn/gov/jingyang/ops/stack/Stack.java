package cn.gov.jingyang.ops.stack;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.infra.PostgresServer;
import cn.gov.jingyang.ops.infra.ServiceCatalog;
import cn.gov.jingyang.ops.stack.demo.Demo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The local launcher: a real PostgreSQL and Kafka broker (data kept under {@code .stack/}), the
 * four services as child processes ({@link Suite}, {@link ServiceProcesses}), readiness awaited,
 * URLs printed. {@code up} runs in the foreground until Ctrl-C; {@code down} and {@code status} act
 * on a stack another launcher runs ({@link RunningStack}).
 */
public final class Stack {

  private final StackLayout layout;
  private final Suite suite;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private Stack(StackLayout layout) {
    this.layout = layout;
    this.suite = new Suite(layout, Map.of());
  }

  public static void main(String[] args) throws Exception {
    int instances = 1;
    List<String> rest = new ArrayList<>(List.of(args));
    int option = rest.indexOf("--instances");
    if (option >= 0) {
      if (option + 1 >= rest.size() || !rest.get(option + 1).matches("[1-9]")) {
        System.err.println("--instances takes a number from 1 to 9");
        System.exit(2);
      }
      instances = Integer.parseInt(rest.remove(option + 1));
      rest.remove(option);
      args = rest.toArray(String[]::new);
    }
    StackLayout layout = StackLayout.fromEnvironment(Path.of("").toAbsolutePath(), instances);
    String command = args.length == 0 ? "help" : args[0];
    switch (command) {
      case "up" -> new Stack(layout).up();
      case "down" -> System.exit(RunningStack.down(layout) ? 0 : 1);
      case "status" -> System.exit(RunningStack.status(layout) ? 0 : 1);
      case "token" -> DevTokens.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      case "demo" ->
          Demo.main(
              new String[] {
                args.length > 1
                    ? args[1]
                    : "http://localhost:" + layout.port(ServiceCatalog.GATEWAY)
              });
      default -> {
        System.out.println(
            """
            usage: ./stackctl up            start PostgreSQL, Kafka and the four services; Ctrl-C stops all
                   ./stackctl up --instances N   N instances of every service (ports +100 each), the
                                            gateways routing to all; status takes it too
                   ./stackctl down          stop a running stack (from another terminal)
                   ./stackctl status        readiness of each service
                   ./stackctl demo [GATEWAY_URL]   load the story of January–February 2020 into the
                                            running stack through the gateway (twice changes nothing)
                   ./stackctl token SUBJECT ROLE... [--unit UNIT]   a development JWT for the examples
                                            (--unit: claim unit, the caller's unit id)""");
        System.exit("help".equals(command) ? 0 : 2);
      }
    }
  }

  private void up() throws Exception {
    Files.createDirectories(layout.logs());
    Optional<ProcessHandle> running = RunningStack.launcher(layout);
    if (running.isPresent()) {
      System.err.println(
          "a stack is already running (pid " + running.get().pid() + "); ./stackctl down stops it");
      System.exit(1);
    }
    for (ServiceCatalog.Service service : ServiceCatalog.ALL) {
      if (!Files.exists(layout.serviceJar(service))) {
        System.err.println(
            "missing "
                + layout.serviceJar(service)
                + "; run ./stackctl (it builds) or ./mvnw package -DskipTests");
        System.exit(1);
      }
    }
    Files.writeString(layout.launcherPid(), Long.toString(ProcessHandle.current().pid()));
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "stack-shutdown"));
    try {
      suite.start();
    } catch (IllegalStateException e) {
      fail(e.getMessage());
    }
    printWelcome();
    stopped.await();
  }

  private void printWelcome() {
    StringBuilder out = new StringBuilder("\nThe stack is up. Every readiness check is UP.\n\n");
    for (ServiceCatalog.Service s : ServiceCatalog.ALL) {
      for (int n = 0; n < layout.instances(); n++) {
        int port = layout.port(s, n);
        out.append(
            String.format(
                "  %-12s http://localhost:%d   (API docs: http://localhost:%d/q/swagger-ui)%n",
                new ServiceInstance(s, n).label(), port, port));
      }
    }
    out.append(
        String.format(
            "%n  PostgreSQL  %s (user %s, password %s)%n",
            suite.jdbcUrl("<service db>"), PostgresServer.USER, PostgresServer.PASSWORD));
    out.append(String.format("  Kafka       %s%n", suite.kafkaBootstrapServers()));
    out.append(
        String.format(
            "%n  A development token with role COMMAND, valid 8 hours:%n  %s%n",
            DevTokens.token("demo-commander", "COMMAND")));
    out.append(
        String.format(
            "%n  Demo system client (role COMMAND): id %s, secret %s%n"
                + "    curl -u %s:%s -d grant_type=client_credentials http://localhost:%d/oauth/token%n"
                + "  Demo person login (role COMMAND): %s / %s%n"
                + "    curl -H 'Content-Type: application/json' -d '{\"username\":\"%s\",\"password\":\"%s\"}'"
                + " http://localhost:%d/auth/login%n",
            ServiceProcesses.DEMO_CLIENT_ID,
            ServiceProcesses.DEMO_CLIENT_SECRET,
            ServiceProcesses.DEMO_CLIENT_ID,
            ServiceProcesses.DEMO_CLIENT_SECRET,
            layout.port(ServiceCatalog.GATEWAY),
            ServiceProcesses.DEMO_USER,
            ServiceProcesses.DEMO_PASSWORD,
            ServiceProcesses.DEMO_USER,
            ServiceProcesses.DEMO_PASSWORD,
            layout.port(ServiceCatalog.GATEWAY)));
    out.append(
        "\n  The services trust the development key (never in a real deployment: see README, Security).\n");
    out.append(
        "\n  More tokens: ./stackctl token <subject> <ROLE>...    Stop: Ctrl-C here, or ./stackctl down\n");
    System.out.println(out);
  }

  private void fail(String message) {
    System.err.println("stack: " + message);
    System.exit(1); // the shutdown hook stops whatever started
  }

  /** Stops services, then Kafka, then PostgreSQL; leaves no process behind. */
  private synchronized void stopAll() {
    if (stopped.getCount() == 0) {
      return;
    }
    say("stopping");
    suite.close();
    try {
      Files.deleteIfExists(layout.launcherPid());
    } catch (IOException ignored) {
      // nothing more to do
    }
    say("stopped; data kept in %s", layout.data());
    stopped.countDown();
  }

  static void say(String format, Object... args) {
    System.out.println("stack: " + String.format(format, args));
  }
}
