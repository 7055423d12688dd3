package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.infra.IdNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * After the fault run: the services' logs and every page of the three feeds scanned for valid ID
 * numbers in clear (infra {@link IdNumbers#inClear}); 0 expected.
 */
final class ClearIdScan {

  private final FaultClient api;
  private final Path logs;

  ClearIdScan(FaultClient api, Path logs) {
    this.api = api;
    this.logs = logs;
  }

  void run(Reconciliation checks) {
    long logFiles = 0;
    long inLogs = 0;
    try (Stream<Path> files = Files.list(logs)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        logFiles++;
        inLogs +=
            IdNumbers.inClear(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)).size();
      }
    } catch (IOException e) {
      checks.add("service logs scanned for ID numbers in clear", 0, 1, "unreadable: " + e);
      return;
    }
    checks.add(
        "ID numbers in clear in the service logs", logFiles, inLogs, logFiles + " log files");
    long pages = 0;
    long events = 0;
    long inFeeds = 0;
    for (String feed : List.of("checkpoint", "case", "personnel")) {
      long cursor = 0;
      while (true) {
        FaultClient.Answer page = api.get("/api/v1/feed/" + feed + "?limit=500&after=" + cursor);
        if (!page.ok()) {
          inFeeds++;
          break;
        }
        JsonNode body = page.body();
        pages++;
        events += body.path("events").size();
        inFeeds += IdNumbers.inClear(body.toString()).size();
        if (!body.path("hasMore").asBoolean()) {
          break;
        }
        cursor = body.path("nextCursor").asLong();
      }
    }
    checks.add(
        "ID numbers in clear on the feed pages",
        pages,
        inFeeds,
        events + " events on " + pages + " pages of the three feeds");
  }
}
