package cn.gov.jingyang.ops.testing.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * HTTP/1.1 over a plain socket, one connection per request ({@code Connection: close}): sends
 * exactly the bytes it is given, so that control characters, raw percent signs and broken framing
 * reach the server as they are. Large bodies are written on another thread while the answer is
 * read, so that a 413 sent before the body is complete is not lost to a reset.
 */
public final class RawHttp implements AutoCloseable {

  private static final int SLICE = 64 * 1024;
  private final String host;
  private final int port;
  private final int timeoutMillis;
  private final ExecutorService writers =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "hostile-writer");
            t.setDaemon(true);
            return t;
          });

  public RawHttp(String host, int port, int timeoutMillis) {
    this.host = host;
    this.port = port;
    this.timeoutMillis = timeoutMillis;
  }

  public Exchange send(HostileRequest request) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      AtomicBoolean answered = new AtomicBoolean();
      Future<?> writing = null;
      if (request.body() != null && request.body().length > SLICE) {
        writing = writers.submit(() -> write(out, request, answered));
      } else {
        write(out, request, answered);
      }
      Exchange exchange = read(socket.getInputStream(), request.method().equals("HEAD"), answered);
      if (writing != null) {
        writing.cancel(true);
      }
      return exchange;
    } catch (IOException e) {
      return new Exchange(-1, Map.of(), "", "could not connect: " + e);
    }
  }

  private void write(OutputStream out, HostileRequest r, AtomicBoolean answered) {
    try {
      out.write(head(r));
      byte[] body = r.body();
      if (body != null) {
        for (int at = 0; at < body.length && !answered.get(); at += SLICE) {
          int n = Math.min(SLICE, body.length - at);
          if (r.chunked()) {
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          }
          out.write(body, at, n);
          if (r.chunked()) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          }
        }
        if (r.chunked() && !answered.get()) {
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
      }
      out.flush();
    } catch (IOException e) {
      // the server may close early (413, 431): what it answered is still read
    }
  }

  private byte[] head(HostileRequest r) {
    StringBuilder head =
        new StringBuilder(r.method())
            .append(' ')
            .append(r.target())
            .append(' ')
            .append(r.version())
            .append("\r\n");
    if (!r.version().equals("HTTP/1.0")) {
      head.append("Host: ").append(host).append(':').append(port).append("\r\n");
    }
    head.append("Connection: close\r\n");
    boolean explicitLength = false;
    for (String[] h : r.headers()) {
      head.append(h[0]).append(": ").append(h[1]).append("\r\n");
      explicitLength |=
          h[0].equalsIgnoreCase("Content-Length") || h[0].equalsIgnoreCase("Transfer-Encoding");
    }
    if (r.chunked()) {
      head.append("Transfer-Encoding: chunked\r\n");
    } else if (!explicitLength && (r.body() != null || r.writes())) {
      head.append("Content-Length: ").append(r.body() == null ? 0 : r.body().length).append("\r\n");
    }
    return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private Exchange read(InputStream in, boolean head, AtomicBoolean answered) {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[SLICE];
    String failure = null;
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        received.write(buffer, 0, n);
        answered.set(true);
        if (ResponseParser.complete(received.toByteArray(), head)) {
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      failure = "no complete answer within " + timeoutMillis + " ms";
    } catch (IOException e) {
      failure = "connection reset: " + e.getMessage();
    }
    byte[] bytes = received.toByteArray();
    if (bytes.length == 0) {
      return new Exchange(
          -1, Map.of(), "", failure != null ? failure : "connection closed without a response");
    }
    Exchange parsed = ResponseParser.parse(bytes, head);
    if (parsed.status() < 0 && failure != null) {
      return new Exchange(-1, Map.of(), "", failure + " after " + bytes.length + " bytes");
    }
    return parsed;
  }

  @Override
  public void close() {
    writers.shutdownNow();
  }

  static Map<String, String> newHeaders() {
    return new LinkedHashMap<>();
  }
}
