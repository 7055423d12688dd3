package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.infra.ServiceCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One minute's sample of the soak: per service, heap after a full GC (jcmd GC.run, then
 * GC.heap_info: the generations' "used"), threads (/proc/&lt;pid&gt;/status), and PostgreSQL
 * connections per database (pg_stat_activity).
 */
record SoakSamples(
    long minute,
    Map<String, Long> heapKb,
    Map<String, Long> threads,
    Map<String, Long> connections) {

  private static final Pattern USED = Pattern.compile("generation.*?used (\\d+)K");

  static SoakSamples take(long minute, Connection postgres) throws Exception {
    Map<String, Long> heap = new LinkedHashMap<>();
    Map<String, Long> threads = new LinkedHashMap<>();
    for (ServiceCatalog.Service s : ServiceCatalog.ALL) {
      Optional<ProcessHandle> p = process(s);
      if (p.isEmpty()) {
        heap.put(s.name(), -1L);
        threads.put(s.name(), -1L);
        continue;
      }
      long pid = p.get().pid();
      jcmd(pid, "GC.run");
      long used = 0;
      Matcher m = USED.matcher(jcmd(pid, "GC.heap_info"));
      while (m.find()) {
        used += Long.parseLong(m.group(1));
      }
      heap.put(s.name(), used);
      threads.put(s.name(), threads(pid));
    }
    Map<String, Long> connections = new LinkedHashMap<>();
    try (Statement st = postgres.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select datname, count(*) from pg_stat_activity where datname is not null"
                    + " group by datname order by datname")) {
      while (rs.next()) {
        connections.put(rs.getString(1), rs.getLong(2));
      }
    }
    return new SoakSamples(minute, heap, threads, connections);
  }

  static Optional<ProcessHandle> process(ServiceCatalog.Service service) {
    String jar = "/" + service.module() + "/target/quarkus-app/quarkus-run.jar";
    return ProcessHandle.current()
        .children()
        .filter(p -> p.info().commandLine().orElse("").contains(jar))
        .findFirst();
  }

  private static long threads(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("Threads:")) {
          return Long.parseLong(line.substring(8).trim());
        }
      }
    } catch (Exception e) {
      // gone meanwhile
    }
    return -1;
  }

  private static String jcmd(long pid, String command) throws Exception {
    Process p =
        new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    return out;
  }
}
