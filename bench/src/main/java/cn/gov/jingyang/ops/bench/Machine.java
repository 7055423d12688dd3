package cn.gov.jingyang.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What a figure was measured on: cores, memory, Java, the load average, the date. */
final class Machine {

  private Machine() {}

  static String describe() {
    return String.format(
        "%d cores, %s memory, Java %s (%s); load average at the end %s; %s UTC",
        Runtime.getRuntime().availableProcessors(),
        memory(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        loadAverage(),
        OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
  }

  /** The 1-minute load average (2 cores: above 2 means work queued for a core). */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + " / " + parts[1] + " / " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }

  private static String memory() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          long kb = Long.parseLong(line.replaceAll("\\D", ""));
          return (kb >> 20) + " GB";
        }
      }
    } catch (IOException e) {
      // below
    }
    return "?";
  }

  /** Resident set size of a process in MB (VmRSS from /proc), or -1 when it is gone. */
  static long rssMb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }
}
