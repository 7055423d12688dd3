package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.infra.FreePorts;
import cn.gov.jingyang.ops.infra.ServiceCatalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * P2: a cheap authenticated GET ({@code GET /risk-rules} of checkpoint-service, the rules in force)
 * straight to the service, through the gateway (JWT check, rate limit, routing, access line) and
 * through nginx as a plain reverse proxy. wrk, alternating the three paths in each round:
 * throughput with 16 connections, latency with one connection (one request at a time).
 */
final class GatewayOverhead {

  static final int CONNECTIONS = 16;

  record Path3(String name, String url) {}

  record Figures(
      Map<String, List<Double>> rate,
      Map<String, List<Double>> p50,
      Map<String, List<Double>> p99,
      Map<String, List<Double>> p50Loaded,
      Map<String, List<Double>> serviceCpu,
      Map<String, List<Double>> proxyCpu) {}

  private final BenchStack stack;
  private final Path work;

  GatewayOverhead(BenchStack stack, Path work) {
    this.stack = stack;
    this.work = work;
  }

  Figures run(int rounds, int seconds) throws Exception {
    Wrk.ensureInstalled();
    int cp = stack.port(ServiceCatalog.CHECKPOINT);
    try (Nginx nginx = Nginx.proxy(work.resolve("nginx"), FreePorts.next(), cp)) {
      List<Path3> paths =
          List.of(
              new Path3("direct", "http://127.0.0.1:" + cp + "/risk-rules"),
              new Path3(
                  "gateway",
                  "http://127.0.0.1:"
                      + stack.port(ServiceCatalog.GATEWAY)
                      + "/api/v1/checkpoint/risk-rules"),
              new Path3("nginx", "http://127.0.0.1:" + nginx.port() + "/risk-rules"));
      for (Path3 p : paths) {
        expectOk(p.url());
      }
      Wrk loadClient = new Wrk(1, CONNECTIONS);
      Wrk oneAtATime = new Wrk(1, 1);
      for (Path3 p : paths) { // warm-up (JIT, connection pools), not counted
        loadClient.run(p.url(), BenchStack.COMMAND, Math.max(3, seconds / 2));
      }
      Figures f =
          new Figures(
              new LinkedHashMap<>(),
              new LinkedHashMap<>(),
              new LinkedHashMap<>(),
              new LinkedHashMap<>(),
              new LinkedHashMap<>(),
              new LinkedHashMap<>());
      ProcessHandle service = stack.process(ServiceCatalog.CHECKPOINT).orElseThrow();
      Map<String, List<ProcessHandle>> proxies =
          Map.of(
              "direct", List.of(),
              "gateway", List.of(stack.process(ServiceCatalog.GATEWAY).orElseThrow()),
              "nginx", nginx.processes());
      for (int round = 1; round <= rounds; round++) {
        for (Path3 p : paths) {
          double serviceBefore = cpuMillis(List.of(service));
          double proxyBefore = cpuMillis(proxies.get(p.name()));
          Wrk.Result load = loadClient.run(p.url(), BenchStack.COMMAND, seconds);
          double requests = load.requestsPerSecond() * seconds;
          add(f.serviceCpu(), p.name(), (cpuMillis(List.of(service)) - serviceBefore) / requests);
          add(f.proxyCpu(), p.name(), (cpuMillis(proxies.get(p.name())) - proxyBefore) / requests);
          Wrk.Result one = oneAtATime.run(p.url(), BenchStack.COMMAND, seconds);
          if (load.failed() > 0 || one.failed() > 0) {
            throw new IllegalStateException(p.name() + ": failed requests " + load + " " + one);
          }
          add(f.rate(), p.name(), load.requestsPerSecond());
          add(f.p50Loaded(), p.name(), load.p50Ms());
          add(f.p50(), p.name(), one.p50Ms());
          add(f.p99(), p.name(), one.p99Ms());
          ImportBenchmark.say(
              "P2 round %d %-7s %8.0f req/s (p50 %.2f ms under load); one at a time p50 %.2f ms,"
                  + " p99 %.2f ms",
              round, p.name(), load.requestsPerSecond(), load.p50Ms(), one.p50Ms(), one.p99Ms());
        }
      }
      return f;
    }
  }

  /** CPU time the processes used so far, in ms (user + system, from /proc). */
  private static double cpuMillis(List<ProcessHandle> processes) {
    return processes.stream()
        .mapToDouble(h -> h.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(0.0))
        .sum();
  }

  private static void add(Map<String, List<Double>> map, String key, double value) {
    map.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
  }

  private static void expectOk(String url) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + BenchStack.COMMAND)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
    }
  }

  static String section(Figures f, int rounds, int seconds, String command) {
    double direct = Samples.median(f.rate().get("direct"));
    double gateway = Samples.median(f.rate().get("gateway"));
    double nginx = Samples.median(f.rate().get("nginx"));
    double gwRatio = gateway / direct;
    double ngRatio = nginx / direct;
    double p50Direct = Samples.median(f.p50().get("direct"));
    double p50Gateway = Samples.median(f.p50().get("gateway"));
    double p50Nginx = Samples.median(f.p50().get("nginx"));
    double added = p50Gateway - p50Direct;
    boolean meets = gwRatio >= 0.85 && added <= 1.0 && gwRatio >= ngRatio;
    StringBuilder s = new StringBuilder();
    s.append("## P2: a cheap authenticated GET through the gateway vs direct vs nginx\n\n");
    s.append(
        """
        `GET /risk-rules` of checkpoint-service (the risk rules in force: a JWT check, one indexed \
        read, a small JSON body) sent by wrk 4.1 (Debian) to three paths, alternating in each of \
        %d rounds after a warm-up: **direct** to the service; through the **gateway** \
        (`/api/v1/checkpoint/risk-rules`: JWT verified, per-client token bucket taken — its \
        allowance raised by environment so nothing is refused —, routing, access line); through \
        **nginx** (Debian `nginx-light`, a plain `proxy_pass` with upstream keep-alive, no access \
        log, one worker per core). Throughput: %d keep-alive connections for %d s; latency: one \
        connection, one request at a time, %d s. Load client, proxies and service share the same \
        2 cores, so a proxy's CPU is paid out of the service's throughput: the CPU time per \
        request of the service and of the proxy (from /proc, over the throughput runs) names what \
        a path costs independently of how busy the host was.

        | path | requests/s (median) | ratio to direct | p50, one at a time | p99, one at a time | p50 under load | CPU per request: service + proxy |
        |---|---|---|---|---|---|---|
        """
            .formatted(rounds, CONNECTIONS, seconds, seconds));
    for (String p : List.of("direct", "gateway", "nginx")) {
      s.append(
          String.format(
              "| %s | %,.0f | %.2f× | %.2f ms | %.2f ms | %.2f ms | %.2f + %.2f ms |%n",
              p,
              Samples.median(f.rate().get(p)),
              Samples.median(f.rate().get(p)) / direct,
              Samples.median(f.p50().get(p)),
              Samples.median(f.p99().get(p)),
              Samples.median(f.p50Loaded().get(p)),
              Samples.median(f.serviceCpu().get(p)),
              Samples.median(f.proxyCpu().get(p))));
    }
    s.append(
        String.format(
            "%nThe gateway carries **%.2f×** the direct throughput (target ≥ 0.85), nginx %.2f×; it"
                + " adds **%+.2f ms** at the median one at a time (target ≤ +1 ms; nginx %+.2f ms):"
                + " %s.%n",
            gwRatio, ngRatio, added, p50Nginx - p50Direct, meets ? "**met**" : "**missed**"));
    s.append(
        String.format(
            "Rounds (requests/s): direct %s; gateway %s; nginx %s.%n",
            Samples.rounds(f.rate().get("direct"), "%,.0f"),
            Samples.rounds(f.rate().get("gateway"), "%,.0f"),
            Samples.rounds(f.rate().get("nginx"), "%,.0f")));
    s.append("\n").append(command).append("\n");
    return s.toString();
  }
}
