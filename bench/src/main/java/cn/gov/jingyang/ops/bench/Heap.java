package cn.gov.jingyang.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's heap over its whole run, from its {@code -Xlog:gc} file: the most heap in use before
 * a collection (the peak, garbage included) and the most left after a full collection (what the
 * service kept alive; a young collection that could not promote leaves garbage in place).
 */
record Heap(long peakUsedMb, long peakAfterGcMb, long collections) {

  private static final Pattern PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  static Heap fromGcLog(Path log) throws IOException {
    long before = 0;
    long after = 0;
    long count = 0;
    for (String line : Files.readAllLines(log)) {
      Matcher m = PAUSE.matcher(line);
      if (m.find()) {
        before = Math.max(before, Long.parseLong(m.group(1)));
        if (line.contains("Pause Full")) {
          after = Math.max(after, Long.parseLong(m.group(2)));
        }
        count++;
      }
    }
    return new Heap(before, after, count);
  }
}
