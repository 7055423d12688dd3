package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.infra.IdNumberScan;
import cn.gov.jingyang.ops.infra.PostgresServer;
import cn.gov.jingyang.ops.infra.ServiceCatalog;
import cn.gov.jingyang.ops.stack.Suite;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * After the fault run: every place the suite keeps data scanned for valid ID numbers in clear
 * (infra {@link IdNumberScan}, the system tests' scanner): PostgreSQL's files and WAL after a
 * checkpoint, every row of every service database as text, every record of Kafka's segments, the
 * service logs, and every page of the three feeds; 0 expected in each.
 */
final class ClearIdScan {

  private final FaultClient api;
  private final Suite suite;

  ClearIdScan(FaultClient api, Suite suite) {
    this.api = api;
    this.suite = suite;
  }

  void run(Reconciliation checks) {
    scan(checks, "PostgreSQL: every row of the four databases as text", this::databases);
    scan(
        checks,
        "PostgreSQL's files (tables, indexes, WAL)",
        s -> s.files(suite.layout().postgresData()));
    scan(
        checks,
        "Kafka's segments, records decoded",
        s -> s.kafkaSegments(suite.layout().kafkaData()));
    scan(checks, "the service logs", s -> s.files(suite.layout().logs()));
    scan(checks, "the feed pages", this::feeds);
  }

  private interface Scope {
    void scan(IdNumberScan scan) throws Exception;
  }

  private static void scan(Reconciliation checks, String where, Scope scope) {
    IdNumberScan scan = new IdNumberScan();
    try {
      scope.scan(scan);
    } catch (Exception e) {
      checks.add("ID numbers in clear: " + where, 0, 1, "not scanned: " + e);
      return;
    }
    long found = scan.found().values().stream().mapToLong(List::size).sum();
    String places = String.join(", ", scan.found().keySet().stream().limit(3).toList());
    checks.add(
        "ID numbers in clear: " + where,
        1,
        found,
        scan.summary() + (places.isEmpty() ? "" : "; e.g. " + places));
  }

  private void databases(IdNumberScan scan) throws Exception {
    for (ServiceCatalog.Service service : ServiceCatalog.ALL) {
      scan.database(
          suite.jdbcUrl(service.database()), PostgresServer.USER, PostgresServer.PASSWORD);
    }
  }

  private void feeds(IdNumberScan scan) {
    for (String feed : List.of("checkpoint", "case", "personnel")) {
      long cursor = 0;
      while (true) {
        FaultClient.Answer page = api.get("/api/v1/feed/" + feed + "?limit=500&after=" + cursor);
        if (!page.ok()) {
          throw new IllegalStateException("feed " + feed + " answered " + page);
        }
        JsonNode body = page.body();
        scan.text("feed " + feed, body.toString());
        if (!body.path("hasMore").asBoolean()) {
          break;
        }
        cursor = body.path("nextCursor").asLong();
      }
    }
  }
}
