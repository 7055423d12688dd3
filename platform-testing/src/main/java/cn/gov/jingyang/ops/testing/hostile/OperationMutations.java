package cn.gov.jingyang.ops.testing.hostile;

import cn.gov.jingyang.ops.testing.hostile.HostileValues.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hostile requests of one operation, each a valid baseline with one thing changed: the caller's
 * token, a path parameter, a query parameter or a header. The body's mutations are {@link
 * BodyMutations}.
 */
public final class OperationMutations {

  private final Operation op;
  private final BaselineValues values;
  private final KnownIds ids;
  private final String allRoles;

  public OperationMutations(Operation op, BaselineValues values, KnownIds ids) {
    this(op, values, ids, Callers.ALL_ROLES);
  }

  /**
   * @param allRoles the valid token of the baseline (a caller with every role): a development token
   *     in a service's test, one issued by the gateway's token endpoint through the gateway
   */
  public OperationMutations(Operation op, BaselineValues values, KnownIds ids, String allRoles) {
    this.op = op;
    this.values = values;
    this.ids = ids;
    this.allRoles = allRoles;
  }

  /** The valid request: every path parameter, required query parameter and header, the body. */
  public Draft baseline() {
    Draft d = new Draft(op.method(), op.toString(), op.path());
    for (Operation.Param p : op.in("path")) {
      String known = ids.forPath(op.path(), p.name());
      d.pathWire.put(
          p.name(), Draft.encode(known != null ? known : values.text(p.schema(), p.name())));
    }
    for (Operation.Param p : op.in("query")) {
      if (p.required()) {
        d.query(p.name(), Draft.encode(values.text(p.schema(), p.name())));
      }
    }
    d.header("Accept", "application/json");
    for (Operation.Param p : op.in("header")) {
      d.header(
          p.name(),
          p.name().equalsIgnoreCase("If-Match") ? "\"1\"" : values.text(p.schema(), p.name()));
    }
    d.token("all roles", allRoles);
    if (op.body() != null) {
      d.header("Content-Type", "application/json").body(values.value(op.body(), null).toString());
    }
    return d;
  }

  public List<HostileRequest> all() {
    List<HostileRequest> out = new ArrayList<>();
    out.add(baseline().as("valid baseline"));
    auth(out);
    pathParams(out);
    queryParams(out);
    headers(out);
    if (op.body() != null || op.writes()) {
      new BodyMutations(op, baseline()).all(out);
    }
    return out;
  }

  private void auth(List<HostileRequest> out) {
    for (Map.Entry<String, String> t : Callers.tokens().entrySet()) {
      out.add(baseline().token(t.getKey(), t.getValue()).as("token: " + t.getKey()));
    }
    out.add(baseline().token("none", null).as("token: none"));
    Draft basic = baseline().header("Authorization", "Basic aG9zdGlsZTpob3N0aWxl");
    basic.tokenLabel = "basic auth";
    out.add(basic.as("token: basic auth"));
    Draft lower = baseline().header("Authorization", "bearer " + allRoles);
    lower.tokenLabel = "all roles, lower-case scheme";
    out.add(lower.as("token: lower-case scheme"));
  }

  private void pathParams(List<HostileRequest> out) {
    for (Operation.Param p : op.in("path")) {
      for (Value v : HostileValues.TEXT) {
        Draft d = baseline();
        d.pathWire.put(p.name(), Draft.encode(v.text()));
        out.add(d.as("path param: " + v.name()));
      }
      for (Value v : HostileValues.RAW_WIRE) {
        Draft d = baseline();
        d.pathWire.put(p.name(), v.text());
        out.add(d.as("path param: " + v.name()));
      }
      Draft long10k = baseline();
      long10k.pathWire.put(p.name(), HostileValues.TEN_THOUSAND);
      out.add(long10k.as("path param: 10,000 chars"));
    }
  }

  private void queryParams(List<HostileRequest> out) {
    List<Operation.Param> query = op.in("query");
    for (Operation.Param p : query) {
      for (Value v : HostileValues.TEXT) {
        out.add(baseline().query(p.name(), Draft.encode(v.text())).as("query param: " + v.name()));
      }
      for (Value v : HostileValues.RAW_WIRE) {
        out.add(baseline().query(p.name(), v.text()).as("query param: " + v.name()));
      }
      if (p.required()) {
        Draft missing = baseline();
        missing.queryWire.removeIf(q -> q.startsWith(Draft.encode(p.name()) + "="));
        out.add(missing.as("query param: required one missing"));
      }
      Draft twice = baseline().query(p.name(), "1");
      twice.queryWire.add(Draft.encode(p.name()) + "=abc");
      out.add(twice.as("query param: repeated"));
    }
    boolean paged =
        query.stream().anyMatch(p -> p.name().equals("page"))
            && query.stream().anyMatch(p -> p.name().equals("size"));
    if (paged) {
      String[][] pages = {
        {"2147483647", "200"},
        {"2147483647", "2147483647"},
        {"-1", "50"},
        {"0", "-1"},
        {"0", "0"},
        {"-2147483648", "-2147483648"},
        {"99999999", "99999999"},
        {"9223372036854775807", "1"}
      };
      for (String[] ps : pages) {
        out.add(
            baseline()
                .query("page", ps[0])
                .query("size", ps[1])
                .as("paging: page " + ps[0] + " size " + ps[1]));
      }
    }
    out.add(baseline().query("zzUnknown", "1").as("query: unknown parameter"));
    out.add(
        baseline()
            .query("q", HostileValues.TEN_THOUSAND)
            .as("query: string over the request-line limit"));
    Draft many = baseline();
    for (int i = 0; i < 1000; i++) {
      many.queryWire.add("p" + i + "=" + i);
    }
    out.add(many.as("query: 1,000 parameters"));
    Draft bare = baseline();
    bare.queryWire.add("&&=&%&a");
    out.add(bare.as("query: malformed pairs"));
  }

  private void headers(List<HostileRequest> out) {
    for (String accept :
        List.of(
            "text/html",
            "application/xml",
            "garbage",
            "*/*;q=abc",
            "application/json;q=0",
            "image/png",
            "")) {
      out.add(
          baseline()
              .header("Accept", accept)
              .as("header: Accept " + (accept.isEmpty() ? "empty" : "wrong")));
    }
    out.add(baseline().header("Accept", null).as("header: Accept missing"));
    if (op.body() != null) {
      for (String type :
          List.of(
              "text/plain",
              "application/xml",
              "application/json; charset=klingon",
              "application/json; charset=\"",
              "application/json; charset=UTF-16",
              "multipart/form-data; boundary=x",
              "application/x-www-form-urlencoded",
              "garbage",
              "",
              "application/json, text/plain",
              "*/*")) {
        out.add(baseline().header("Content-Type", type).as("header: Content-Type wrong"));
      }
      out.add(baseline().header("Content-Type", null).as("header: Content-Type missing"));
    }
    for (Operation.Param p : op.in("header")) {
      for (String value :
          List.of(
              "*",
              "garbage",
              "\"abc\"",
              "W/\"1\"",
              "\"99999999999999999999\"",
              "\"-1\"",
              "",
              "\"" + HostileValues.TEN_THOUSAND + "\"")) {
        out.add(baseline().header(p.name(), value).as("header param " + p.name() + ": hostile"));
      }
      out.add(baseline().header(p.name(), null).as("header param " + p.name() + ": missing"));
    }
    out.add(
        baseline()
            .header("X-Big", "A".repeat(40_000))
            .as("header: 40,000 chars (over the header limit)"));
    Draft many = baseline();
    for (int i = 0; i < 300; i++) {
      many.header("X-Many-" + i, "v".repeat(100));
    }
    out.add(many.as("header: 300 headers (over the header limit)"));
    out.add(
        baseline()
            .header("X-Correlation-Id", HostileValues.TEN_THOUSAND)
            .as("header: correlation id hostile"));
    out.add(
        baseline().header("X-Correlation-Id", "a\"b{}%00'<>").as("header: correlation id hostile"));
    out.add(baseline().header("X-Correlation-Id", "a\u0001b").as("header: raw control char"));
    out.add(baseline().header("traceparent", "00-zz-zz-zz").as("header: traceparent hostile"));
    out.add(
        baseline()
            .header("traceparent", "00-" + "f".repeat(5000) + "-01")
            .as("header: traceparent hostile"));
    out.add(
        baseline()
            .header("Idempotency-Key", HostileValues.TEN_THOUSAND)
            .as("header: Idempotency-Key hostile"));
    out.add(baseline().header("X-Bad Name", "x").as("header: name with a space"));
    out.add(
        baseline()
            .header("Content-Length", "abc")
            .body(null)
            .as("header: Content-Length not a number"));
    out.add(
        baseline().header("Content-Length", "-1").body(null).as("header: Content-Length negative"));
  }
}
