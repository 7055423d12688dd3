package cn.gov.jingyang.ops.gateway.routing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The path a request is forwarded to, from what follows the route's prefix in the (already
 * dot-segment-free) request path. A path that names one of the upstream's hidden areas ({@code
 * /events}, {@code /admin}, {@code /q}) however it is spelled — other case, percent-encoded,
 * doubled slashes, matrix parameters ({@code ;x}), an encoded dot segment — is not forwarded.
 */
final class UpstreamPath {

  private UpstreamPath() {}

  static Optional<String> of(String remainder, List<String> hidden) {
    String path = remainder.isEmpty() ? "/" : remainder.replaceAll("/{2,}", "/");
    String decoded = canonical(path);
    if (decoded == null) {
      return Optional.empty();
    }
    for (String area : hidden) {
      String h = area.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
      if (decoded.equals(h) || decoded.startsWith(h + "/")) {
        return Optional.empty();
      }
    }
    return Optional.of(path);
  }

  /**
   * Decoded, lower case, matrix parameters and repeated slashes removed; {@code null} when the
   * decoded path holds a dot segment or a backslash, which an upstream might resolve differently.
   */
  private static String canonical(String path) {
    String decoded;
    try {
      decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    decoded = decoded.toLowerCase(Locale.ROOT).replaceAll(";[^/]*", "").replaceAll("/{2,}", "/");
    if (decoded.contains("\\") || decoded.indexOf('\0') >= 0) {
      return null;
    }
    for (String segment : decoded.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return null;
      }
    }
    return decoded;
  }
}
