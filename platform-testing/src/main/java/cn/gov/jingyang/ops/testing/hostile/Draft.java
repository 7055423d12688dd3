package cn.gov.jingyang.ops.testing.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request under construction: a valid baseline that the generators copy and mutate. */
public final class Draft {

  String method;
  String operation;
  String path;
  final Map<String, String> pathWire = new LinkedHashMap<>();
  final List<String> queryWire = new ArrayList<>();
  final List<String[]> headers = new ArrayList<>();
  String tokenLabel = "none";
  byte[] body;
  boolean chunked;
  boolean oversized;
  String version = "HTTP/1.1";

  Draft(String method, String operation, String path) {
    this.method = method;
    this.operation = operation;
    this.path = path;
  }

  Draft copy() {
    Draft d = new Draft(method, operation, path);
    d.pathWire.putAll(pathWire);
    d.queryWire.addAll(queryWire);
    headers.forEach(h -> d.headers.add(h.clone()));
    d.tokenLabel = tokenLabel;
    d.body = body;
    d.chunked = chunked;
    d.oversized = oversized;
    d.version = version;
    return d;
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  Draft query(String name, String wireValue) {
    queryWire.removeIf(q -> q.startsWith(encode(name) + "="));
    queryWire.add(encode(name) + "=" + wireValue);
    return this;
  }

  Draft header(String name, String value) {
    headers.removeIf(h -> h[0].equalsIgnoreCase(name));
    if (value != null) {
      headers.add(new String[] {name, value});
    }
    return this;
  }

  Draft token(String label, String token) {
    tokenLabel = label;
    return header("Authorization", token == null ? null : "Bearer " + token);
  }

  Draft body(String json) {
    body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  String target() {
    String target = path;
    for (Map.Entry<String, String> p : pathWire.entrySet()) {
      target = target.replace("{" + p.getKey() + "}", p.getValue());
    }
    return queryWire.isEmpty() ? target : target + "?" + String.join("&", queryWire);
  }

  public HostileRequest as(String category) {
    return new HostileRequest(
        category,
        operation,
        method,
        target(),
        List.copyOf(headers),
        tokenLabel,
        body,
        chunked,
        oversized,
        version);
  }
}
