package cn.gov.jingyang.ops.testing.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One request as it goes on the wire, byte for byte (the target and headers are not encoded again):
 * malformed things are sent as they are.
 *
 * @param category what was mutated, the key failures are grouped by ("path param: braces")
 * @param operation the operation it was derived from ("GET /checkpoints/{id}"), or "service"
 * @param headers name/value pairs, in order; Host and Connection are added when sent
 * @param tokenLabel what the Authorization header holds, for reports ("all roles", "expired")
 * @param body the body bytes, or null
 * @param chunked whether the body is sent with Transfer-Encoding: chunked
 * @param oversized whether the body is larger than the service's body limit (must be 413)
 */
public record HostileRequest(
    String category,
    String operation,
    String method,
    String target,
    List<String[]> headers,
    String tokenLabel,
    byte[] body,
    boolean chunked,
    boolean oversized,
    String version) {

  /** A write whose rejection must leave every table as it was. */
  public boolean writes() {
    return !method.equals("GET")
        && !method.equals("HEAD")
        && !method.equals("OPTIONS")
        && !method.equals("TRACE");
  }

  private static final java.util.regex.Pattern TOKEN =
      java.util.regex.Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");
  private static final String TARGET_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?";
  private static final java.util.regex.Pattern VERSION =
      java.util.regex.Pattern.compile("HTTP/[0-9]\\.[0-9]");

  /**
   * Not an HTTP/1.1 message at all (RFC 9112): a method that is not a token, a request target with
   * bytes no URI may hold, a broken version, a header name that is not a token or a value with
   * control characters, an invalid or contradictory Content-Length, or broken chunked framing. The
   * HTTP server's parser refuses these before any route runs, and Quarkus offers no hook there:
   * they pass if they get no 5xx and nothing internal (a plain 400/414/431 or a closed connection).
   */
  public boolean malformedHttp() {
    if (category.startsWith("framing")
        || !TOKEN.matcher(method).matches()
        || !VERSION.matcher(version).matches()
        || !uriTarget(target)
        || target.equals("*") && !method.equals("OPTIONS")) {
      return true;
    }
    long lengths = 0;
    boolean chunkedHeader = chunked;
    for (String[] h : headers) {
      if (!TOKEN.matcher(h[0]).matches()
          || h[1] != null && h[1].chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
        return true;
      }
      if (h[0].equalsIgnoreCase("Content-Length")) {
        lengths++;
        if (h[1] == null || !h[1].matches("[0-9]+")) {
          return true;
        }
      }
      chunkedHeader |= h[0].equalsIgnoreCase("Transfer-Encoding");
    }
    return lengths > 1 || lengths == 1 && chunkedHeader;
  }

  /** Only characters a URI may hold, and every % followed by two hex digits (RFC 3986). */
  private static boolean uriTarget(String target) {
    if (target.isEmpty()) {
      return false;
    }
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c == '%') {
        if (i + 2 >= target.length()
            || Character.digit(target.charAt(i + 1), 16) < 0
            || Character.digit(target.charAt(i + 2), 16) < 0) {
          return false;
        }
        i += 2;
      } else if (TARGET_CHARS.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Method, target, headers and the first 200 characters of the body, for a report. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append(method)
        .append(' ')
        .append(visible(abbreviate(target, 300)))
        .append(' ')
        .append(version);
    for (String[] h : headers) {
      String value = h[0].equalsIgnoreCase("Authorization") ? "<token: " + tokenLabel + ">" : h[1];
      out.append("\n      ")
          .append(visible(h[0]))
          .append(": ")
          .append(visible(abbreviate(value, 200)));
    }
    if (chunked) {
      out.append("\n      Transfer-Encoding: chunked");
    }
    if (body != null) {
      String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
      out.append("\n      body (").append(body.length).append(" bytes): ").append(visible(text));
    }
    return out.toString();
  }

  /** Method, target and the start of the body on one line: how each variant of a group is shown. */
  public String line() {
    String text = method + " " + abbreviate(target, 160);
    if (body != null) {
      text +=
          "  body: "
              + abbreviate(
                  new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8), 120);
    }
    return visible(text);
  }

  static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
  }

  /** Control characters shown as \\uXXXX so that a report stays on its lines. */
  static String visible(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
