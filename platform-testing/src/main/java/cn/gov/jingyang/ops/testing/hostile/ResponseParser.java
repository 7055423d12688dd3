package cn.gov.jingyang.ops.testing.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reads an HTTP/1.1 response from raw bytes: is it complete, and what does it say. */
final class ResponseParser {

  private ResponseParser() {}

  static boolean complete(byte[] bytes, boolean head) {
    int end = headerEnd(bytes);
    if (end < 0) {
      return false;
    }
    Exchange e = parseHead(bytes, end);
    if (e.status() < 0) {
      return true;
    }
    if (head || e.status() == 204 || e.status() == 304 || e.status() < 200) {
      return e.status() >= 200;
    }
    String length = e.headers().get("content-length");
    if (length != null) {
      try {
        return bytes.length - end >= Long.parseLong(length.trim());
      } catch (NumberFormatException x) {
        return false;
      }
    }
    if (e.headers().getOrDefault("transfer-encoding", "").toLowerCase().contains("chunked")) {
      String tail = new String(bytes, end, bytes.length - end, StandardCharsets.ISO_8859_1);
      return tail.startsWith("0\r\n\r\n") || tail.contains("\r\n0\r\n\r\n");
    }
    return false;
  }

  static Exchange parse(byte[] bytes, boolean head) {
    int end = headerEnd(bytes);
    if (end < 0) {
      return new Exchange(
          -1,
          Map.of(),
          "",
          "incomplete response head: "
              + HostileRequest.visible(
                  new String(bytes, 0, Math.min(200, bytes.length), StandardCharsets.ISO_8859_1)));
    }
    Exchange e = parseHead(bytes, end);
    if (e.status() < 0 || head) {
      return e;
    }
    byte[] body = new byte[bytes.length - end];
    System.arraycopy(bytes, end, body, 0, body.length);
    if (e.headers().getOrDefault("transfer-encoding", "").toLowerCase().contains("chunked")) {
      body = dechunk(body);
    }
    return new Exchange(e.status(), e.headers(), new String(body, StandardCharsets.UTF_8), null);
  }

  private static int headerEnd(byte[] b) {
    for (int i = 3; i < b.length; i++) {
      if (b[i - 3] == '\r' && b[i - 2] == '\n' && b[i - 1] == '\r' && b[i] == '\n') {
        return i + 1;
      }
    }
    return -1;
  }

  private static Exchange parseHead(byte[] bytes, int end) {
    String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    String[] status = lines[0].split(" ", 3);
    if (status.length < 2 || !status[0].startsWith("HTTP/")) {
      return new Exchange(
          -1, Map.of(), "", "not an HTTP response: " + HostileRequest.visible(lines[0]));
    }
    Map<String, String> headers = RawHttp.newHeaders();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.merge(
            lines[i].substring(0, colon).trim().toLowerCase(),
            lines[i].substring(colon + 1).trim(),
            (a, b) -> a + ", " + b);
      }
    }
    try {
      return new Exchange(Integer.parseInt(status[1]), headers, "", null);
    } catch (NumberFormatException e) {
      return new Exchange(-1, Map.of(), "", "bad status line: " + HostileRequest.visible(lines[0]));
    }
  }

  private static byte[] dechunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < body.length) {
      int lineEnd = at;
      while (lineEnd + 1 < body.length && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n')) {
        lineEnd++;
      }
      String size =
          new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
      int n;
      try {
        n = Integer.parseInt(size, 16);
      } catch (NumberFormatException e) {
        break;
      }
      if (n == 0 || lineEnd + 2 + n > body.length) {
        break;
      }
      out.write(body, lineEnd + 2, n);
      at = lineEnd + 2 + n + 2;
    }
    return out.toByteArray();
  }
}
