package cn.gov.jingyang.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** docs/BENCHMARKS.md, of which each benchmark rewrites only its own section. */
final class Report {

  private Report() {}

  /**
   * Replaces the section starting at the line {@code heading} (up to the next section of the same
   * level) with {@code section}, or appends it; the rest of the file stays as it is.
   */
  static void replaceSection(Path file, String heading, String section) throws IOException {
    String text = Files.exists(file) ? Files.readString(file) : "";
    String body = section.endsWith("\n") ? section : section + "\n";
    int start = text.startsWith(heading) ? 0 : text.indexOf("\n" + heading);
    String result;
    if (start < 0) {
      result = text + (text.endsWith("\n") || text.isEmpty() ? "\n" : "\n\n") + body;
    } else {
      int from = start == 0 ? 0 : start + 1;
      int next = text.indexOf("\n## ", from + heading.length());
      result = text.substring(0, from) + body + (next < 0 ? "" : "\n" + text.substring(next + 1));
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, result);
  }

  /**
   * The part of the file from {@code heading} on (kept when another benchmark rewrites the rest).
   */
  static String sectionsFrom(Path file, String heading) throws IOException {
    if (!Files.exists(file)) {
      return "";
    }
    String text = Files.readString(file);
    int at = text.indexOf("\n" + heading);
    return at < 0 ? "" : text.substring(at + 1);
  }
}
