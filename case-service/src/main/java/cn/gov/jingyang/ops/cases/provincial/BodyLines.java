package cn.gov.jingyang.ops.cases.provincial;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a request body (UTF-8; LF or CRLF), read as they arrive. A line longer than {@link
 * #MAX_CHARS} is cut there and flagged {@link #tooLong()}; the rest of it is skipped, so a body
 * without line breaks cannot fill the heap.
 */
final class BodyLines {

  static final int MAX_CHARS = 16_384;

  private final BufferedReader reader;
  private final StringBuilder line = new StringBuilder(256);
  private long number;
  private boolean tooLong;

  BodyLines(InputStream body) {
    this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 65_536);
  }

  /** The next line without its line break, or null at the end of the body. */
  String next() throws IOException {
    line.setLength(0);
    tooLong = false;
    int ch = reader.read();
    if (ch < 0) {
      return null;
    }
    number++;
    while (ch >= 0 && ch != '\n') {
      if (line.length() < MAX_CHARS) {
        line.append((char) ch);
      } else {
        tooLong = true;
      }
      ch = reader.read();
    }
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\r') {
      line.setLength(end - 1);
    }
    return line.toString();
  }

  /** The line number of the line {@link #next()} returned last (1 = first). */
  long number() {
    return number;
  }

  boolean tooLong() {
    return tooLong;
  }
}
