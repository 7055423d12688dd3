package cn.gov.jingyang.ops.testing.hostile;

import cn.gov.jingyang.ops.testing.hostile.HostileValues.Value;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Requests that belong to the service rather than one operation: methods a path does not declare,
 * broken request lines and framing, bodies over the limit, and random combinations of mutations
 * until the run has its number of requests.
 */
public final class ServiceMutations {

  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<Operation, OperationMutations> operations;
  private final Random random;

  public ServiceMutations(Map<Operation, OperationMutations> operations, Random random) {
    this.operations = operations;
    this.random = random;
  }

  public void methods(List<HostileRequest> out) {
    Map<String, List<String>> declared = new LinkedHashMap<>();
    Map<String, Draft> baselines = new LinkedHashMap<>();
    operations.forEach(
        (op, m) -> {
          declared.computeIfAbsent(op.path(), p -> new ArrayList<>()).add(op.method());
          baselines.putIfAbsent(op.path(), m.baseline());
        });
    declared.forEach(
        (path, methods) -> {
          List<String> others =
              new ArrayList<>(List.of("OPTIONS", "TRACE", "HEAD", "FOO", "G\u0001T"));
          METHODS.stream().filter(m -> !methods.contains(m)).forEach(others::add);
          for (String method : others) {
            Draft d = baselines.get(path).copy();
            d.method = method;
            d.operation = method + " " + path;
            out.add(d.as("method: " + (METHODS.contains(method) ? "not declared" : method)));
          }
        });
  }

  public void requestLines(Draft any, List<HostileRequest> out) {
    String[][] lines = {
      {"HTTP/9.9", null},
      {"HTTP/1.0", null},
      {"http/1.1", null},
      {"HTTP/1.1 extra", null},
      {null, "*"},
      {null, "http://evil.example/events"},
      {null, "/events/../events"},
      {null, "//events"},
      {null, "/events;x=y"},
      {null, "/EVENTS"},
      {null, "/events%2F"},
      {null, "/%2e%2e/%2e%2e/etc/passwd"},
      {null, "events"},
      {null, "/events#x"},
      {null, ""},
      {null, "/events?%"},
      {null, "/events?a=%zz"},
      {null, "/" + "a".repeat(10_000)},
      {null, "/q/openapi?format=%00"},
      {null, "/q/health/%7B%7D"}
    };
    for (String[] line : lines) {
      Draft d = any.copy();
      d.operation = "service";
      if (line[0] != null) {
        d.version = line[0];
      } else {
        d.path = line[1];
        d.pathWire.clear();
        d.queryWire.clear();
      }
      out.add(d.as("request line: " + (line[0] != null ? "version " + line[0] : "target")));
    }
  }

  public void framing(Draft write, List<HostileRequest> out) {
    String[][] framings = {
      {"bad chunk size", "zz\r\n{}\r\n0\r\n\r\n"},
      {"chunk longer than declared", "2\r\n{}}}}\r\n0\r\n\r\n"}
    };
    for (String[] f : framings) {
      Draft d =
          write
              .copy()
              .header("Transfer-Encoding", "chunked")
              .header("Content-Type", "application/json");
      d.body = f[1].getBytes(StandardCharsets.US_ASCII);
      out.add(d.as("framing: " + f[0]));
    }
    Draft both = write.copy().header("Content-Length", "2").header("Transfer-Encoding", "chunked");
    both.body = "2\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    out.add(both.as("framing: Content-Length and chunked"));
    Draft twice = write.copy().header("Content-Length", "2");
    twice.headers.add(new String[] {"Content-Length", "3"});
    twice.body = "{}".getBytes(StandardCharsets.US_ASCII);
    out.add(twice.as("framing: two Content-Lengths"));
  }

  /** Random combinations of two or three mutations of random operations, until {@code total}. */
  public void fill(List<HostileRequest> out, int total) {
    List<Operation> ops = new ArrayList<>(operations.keySet());
    while (out.size() < total) {
      Operation op = ops.get(random.nextInt(ops.size()));
      Draft d = operations.get(op).baseline();
      List<String> where = new ArrayList<>();
      int n = 2 + random.nextInt(2);
      for (int i = 0; i < n; i++) {
        where.add(mutate(op, d));
      }
      out.add(d.as("random: " + String.join("+", Set.copyOf(where).stream().sorted().toList())));
    }
  }

  private String mutate(Operation op, Draft d) {
    int choice = random.nextInt(4);
    if (choice == 0 && !op.in("path").isEmpty()) {
      Operation.Param p = pick(op.in("path"));
      d.pathWire.put(p.name(), wire(random.nextInt(4) == 0));
      return "path";
    }
    if (choice == 1 && d.body != null) {
      try {
        JsonNode tree = JSON.readTree(d.body);
        List<List<Object>> paths = new ArrayList<>();
        BodyMutations.collect(tree, new ArrayList<>(), paths);
        if (!paths.isEmpty()) {
          d.body(BodyMutations.render(tree, pick(paths), pick(HostileValues.JSON).text()));
          return "body";
        }
      } catch (Exception e) {
        // the body is already broken by an earlier mutation: mutate something else
      }
    }
    if (choice == 2) {
      String[] headers = {"Accept", "Content-Type", "X-Correlation-Id", "If-Match", "traceparent"};
      Value v = pick(HostileValues.TEXT);
      d.header(pick(List.of(headers)), v.text().replaceAll("[\\r\\n]", ""));
      return "header";
    }
    List<String> names =
        new ArrayList<>(op.in("query").stream().map(Operation.Param::name).toList());
    names.addAll(List.of("page", "size", "after", "limit"));
    d.query(pick(names), wire(random.nextInt(4) == 0));
    return "query";
  }

  private String wire(boolean raw) {
    return raw
        ? pick(HostileValues.RAW_WIRE).text()
        : Draft.encode(pick(HostileValues.TEXT).text());
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
