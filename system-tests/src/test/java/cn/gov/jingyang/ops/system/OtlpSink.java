package cn.gov.jingyang.ops.system;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in for an OpenTelemetry collector: accepts OTLP/HTTP (protobuf) exports from the suite's
 * services and keeps every request body, so a test can tell which service exported a span of which
 * trace. Each export request holds one process's spans under its resource ({@code service.name}).
 */
final class OtlpSink implements AutoCloseable {

  private final HttpServer server;
  private final List<byte[]> exports = new CopyOnWriteArrayList<>();

  OtlpSink() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            boolean gzip =
                "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
            exports.add((gzip ? new GZIPInputStream(body) : body).readAllBytes());
          }
          exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  /** The endpoint for {@code quarkus.otel.exporter.otlp.endpoint} (protocol http/protobuf). */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Whether {@code service} exported a span of the trace (hex trace id). */
  boolean exported(String service, String traceId) {
    byte[] id = HexFormat.of().parseHex(traceId);
    byte[] name = service.getBytes(StandardCharsets.UTF_8);
    return exports.stream().anyMatch(body -> contains(body, id) && contains(body, name));
  }

  private static boolean contains(byte[] body, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= body.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (body[i + j] != part[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
