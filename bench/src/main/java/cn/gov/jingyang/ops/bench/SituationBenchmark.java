package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.infra.ServiceCatalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * P6: {@code GET /api/v1/situation?date=} through the gateway (COMMAND) over {@link SituationData},
 * one request at a time; in each round also every service's own {@code GET /situation} (what the
 * gateway asks, in parallel), to name the section that limits it.
 */
final class SituationBenchmark {

  static final int CHECKPOINTS = 40;

  record Figures(LocalDate day, Map<String, List<Double>> p50, Map<String, List<Double>> p95) {}

  private final BenchStack stack;
  private final HttpClient http = HttpClient.newHttpClient();

  SituationBenchmark(BenchStack stack) {
    this.stack = stack;
  }

  Figures run(int rounds, int requests) throws Exception {
    LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
    for (int i = 0; i < CHECKPOINTS; i++) {
      FlagLatency.activeCheckpoint(stack, http);
    }
    SituationData.load(stack, day);
    Map<String, String> urls = new LinkedHashMap<>();
    urls.put("gateway", stack.url(ServiceCatalog.GATEWAY) + "/api/v1/situation?date=" + day);
    for (ServiceCatalog.Service s :
        List.of(ServiceCatalog.CHECKPOINT, ServiceCatalog.CASE, ServiceCatalog.PERSONNEL)) {
      urls.put(s.name(), stack.url(s) + "/situation?date=" + day);
    }
    String sample = get(urls.get("gateway"));
    if (sample.contains("unavailable")) {
      throw new IllegalStateException("a section is unavailable: " + sample);
    }
    ImportBenchmark.say("P6 report: %s", sample.length() > 600 ? sample.substring(0, 600) : sample);
    for (String url : urls.values()) { // warm-up
      for (int i = 0; i < 30; i++) {
        get(url);
      }
    }
    Figures f = new Figures(day, new LinkedHashMap<>(), new LinkedHashMap<>());
    for (int round = 1; round <= rounds; round++) {
      for (Map.Entry<String, String> e : urls.entrySet()) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
          long started = System.nanoTime();
          get(e.getValue());
          ms.add((System.nanoTime() - started) / 1e6);
        }
        f.p50().computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(Samples.percentile(ms, 50));
        f.p95().computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(Samples.percentile(ms, 95));
        ImportBenchmark.say(
            "P6 round %d %-10s p50 %.1f ms p95 %.1f ms",
            round, e.getKey(), Samples.percentile(ms, 50), Samples.percentile(ms, 95));
      }
    }
    return f;
  }

  private String get(String url) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + BenchStack.COMMAND)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  static String section(Figures f, int rounds, int requests, String command) {
    double p95 = Samples.median(f.p95().get("gateway"));
    StringBuilder s = new StringBuilder();
    s.append(
        """
        ## P6: situation report over 1 M inspections, 100 k tasks, 2,000 people

        `GET /api/v1/situation?date=%1$s` through the gateway (COMMAND; it asks the three \
        services' `GET /situation` in parallel with the caller's token and merges their sections), \
        one request at a time, %2$d requests per round, %3$d rounds after a warm-up; in each round \
        also each service's own `GET /situation` alone. Data set: %4$,d inspections (1–2 occupants, \
        5 %% flagged) over the 30 days up to the report day at %5$d checkpoints with their daily \
        statistics, %6$,d verification tasks over 20 stations (60 %% completed), %7$,d people in \
        20 stations with 5 duty-status changes each and 50 open fatigue alerts — **written \
        set-based with SQL straight into the services' databases** (`INSERT … SELECT \
        generate_series`, then `ANALYZE`; bench `SituationData`), not through their APIs; the \
        checkpoints themselves through checkpoint-service's API.

        | path | p50 (median of rounds) | p95 (median of rounds) |
        |---|---|---|
        """
            .formatted(
                f.day(),
                requests,
                rounds,
                SituationData.INSPECTIONS,
                CHECKPOINTS,
                SituationData.TASKS,
                SituationData.PEOPLE));
    for (String k : f.p95().keySet()) {
      s.append(
          String.format(
              "| %s | %.1f ms | %.1f ms |%n",
              k.equals("gateway") ? "gateway `/api/v1/situation`" : k + "-service `/situation`",
              Samples.median(f.p50().get(k)),
              Samples.median(f.p95().get(k))));
    }
    s.append(
        String.format(
            "%nThe report's p95 is **%.1f ms** (target ≤ 100 ms: %s). Rounds (p95, gateway): %s ms.%n",
            p95,
            p95 <= 100 ? "**met**" : "**missed**",
            Samples.rounds(f.p95().get("gateway"), "%.1f")));
    s.append("\n").append(command).append("\n");
    return s.toString();
  }
}
