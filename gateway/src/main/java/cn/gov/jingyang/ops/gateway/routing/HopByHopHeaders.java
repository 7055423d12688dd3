package cn.gov.jingyang.ops.gateway.routing;

import io.vertx.core.MultiMap;
import java.util.List;

/**
 * Headers that describe one connection, not the message (RFC 9110 §7.6.1): never passed on, in
 * either direction, nor any header the {@code Connection} header names.
 */
final class HopByHopHeaders {

  private static final List<String> ALWAYS =
      List.of(
          "Connection",
          "Keep-Alive",
          "Proxy-Connection",
          "Proxy-Authenticate",
          "Proxy-Authorization",
          "TE",
          "Trailer",
          "Transfer-Encoding",
          "Upgrade");

  private HopByHopHeaders() {}

  static void strip(MultiMap headers) {
    for (String connection : headers.getAll("Connection")) {
      for (String named : connection.split(",")) {
        if (!named.isBlank()) {
          headers.remove(named.trim());
        }
      }
    }
    ALWAYS.forEach(headers::remove);
  }
}
