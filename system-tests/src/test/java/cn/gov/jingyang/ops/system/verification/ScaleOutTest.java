package cn.gov.jingyang.ops.system.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.infra.PostgresServer;
import cn.gov.jingyang.ops.infra.ServiceCatalog;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.system.GatewayApi;
import cn.gov.jingyang.ops.system.SystemStack;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, scale-out: two instances of every service and of the gateway against one PostgreSQL and
 * one Kafka (its own surefire execution, {@code scale-out}, with {@code
 * -Dsystem.stack.instances=2}). Under inspection load through both gateways one checkpoint-service
 * and one case-service instance are killed (SIGKILL); the other instances take over, and nothing
 * acknowledged is lost or applied twice.
 */
@Tag("scale-out")
class ScaleOutTest {

  private static final List<String> SERVICES = List.of("checkpoint", "case", "personnel");
  private static final int BATCHES = 30;
  private static final int RECORDS = 60;
  private static final int FLAGGED_EVERY = 10;
  private static final Duration SETTLE = Duration.ofMinutes(5);

  private final SystemStack stack = SystemStack.get();
  private final GatewayApi api = stack.api();

  @Test
  void shouldSplitTheWorkBetweenTwoInstancesAndLoseNothingWhenOneOfEachIsKilled() throws Exception {
    assertThat(stack.instances()).as("run with -Dsystem.stack.instances=2").isEqualTo(2);
    String gatewayA = stack.url(ServiceCatalog.GATEWAY, 0);
    String gatewayB = stack.url(ServiceCatalog.GATEWAY, 1);

    // a token issued by gateway A is accepted through gateway B
    String command = api.tokenFor(Roles.COMMAND);
    HttpResponse<String> throughB =
        GatewayApi.call(
            "GET",
            gatewayB + "/api/v1/checkpoint/risk-rules",
            command,
            null,
            "application/json",
            Map.of());
    assertThat(throughB.statusCode()).as(throughB.body()).isEqualTo(200);

    // every consumer group: two members, each holding partitions
    Map<String, List<Integer>> split =
        await("every consumer group split over two instances")
            .atMost(SETTLE)
            .pollInterval(Duration.ofSeconds(2))
            .until(
                () -> ConsumerGroups.ofServices(stack.kafkaBootstrapServers(), SERVICES),
                groups ->
                    !groups.isEmpty()
                        && groups.values().stream()
                            .allMatch(m -> m.size() == 2 && m.stream().allMatch(p -> p > 0)));
    System.out.println("scale-out: partitions per member before the kill " + split);

    CheckpointLane lane = CheckpointLane.open(api, new DistrictUnits(api));
    InspectionLoad load = new InspectionLoad(lane);
    long started = System.nanoTime();
    ExecutorService tablets = Executors.newFixedThreadPool(8);
    List<Future<?>> uploads = new ArrayList<>();
    try {
      for (int i = 0; i < BATCHES; i++) {
        String gateway = i % 2 == 0 ? gatewayA : gatewayB;
        uploads.add(tablets.submit(() -> load.upload(gateway, RECORDS, FLAGGED_EVERY, SETTLE)));
      }
      await("a third of the batches acknowledged")
          .atMost(SETTLE)
          .pollInterval(Duration.ofMillis(200))
          .until(() -> load.batchesAcknowledged() >= BATCHES / 3);
      stack.kill(ServiceCatalog.CHECKPOINT, 1);
      stack.kill(ServiceCatalog.CASE, 1);
      int atKill = load.batchesAcknowledged();
      for (Future<?> upload : uploads) {
        upload.get();
      }
      System.out.printf(
          "scale-out: %d batches, %d acknowledged when checkpoint-2 and case-2 were killed;"
              + " failed answers seen by the tablets before a retry went through: %s; load %d s%n",
          BATCHES,
          atKill,
          load.failedAnswers(),
          Duration.ofNanos(System.nanoTime() - started).toSeconds());
    } finally {
      tablets.shutdownNow();
    }

    List<InspectionLoad.Acknowledged> acknowledged = load.acknowledged();
    assertThat(acknowledged)
        .as("every record of every batch acknowledged")
        .hasSize(BATCHES * RECORDS);
    List<UUID> flagged =
        acknowledged.stream()
            .filter(InspectionLoad.Acknowledged::flagged)
            .map(InspectionLoad.Acknowledged::inspectionId)
            .toList();
    assertThat(flagged).hasSize(BATCHES * RECORDS / FLAGGED_EVERY);

    // every acknowledged record stored exactly once
    assertThat(
            count(
                ServiceCatalog.CHECKPOINT,
                "select count(*) from inspection where client_record_id = any(?)",
                acknowledged.stream().map(InspectionLoad.Acknowledged::clientRecordId).toList()))
        .isEqualTo(acknowledged.size());

    // every flagged traveller: exactly one verification task, none missing
    String sources =
        "select count(*) from verification_task_source"
            + " where kind = 'CHECKPOINT_FLAG' and inspection_id = any(?)";
    await("a verification task for each flagged traveller")
        .atMost(SETTLE)
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> count(ServiceCatalog.CASE, sources, flagged) >= flagged.size());
    assertThat(count(ServiceCatalog.CASE, sources, flagged)).isEqualTo(flagged.size());
    assertThat(
            count(
                ServiceCatalog.CASE,
                "select count(distinct task_id) from verification_task_source"
                    + " where inspection_id = any(?)",
                flagged))
        .as("one task per flagged traveller")
        .isEqualTo(flagged.size());

    // nothing left unpublished in any outbox
    for (ServiceCatalog.Service service : ServiceCatalog.ALL) {
      await("outbox of " + service.name() + " published")
          .atMost(SETTLE)
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> count(service, "select count(*) from outbox_pending", null) == 0);
    }

    // the survivors hold all partitions of their groups
    Map<String, List<Integer>> after =
        await("the surviving instances hold every partition")
            .atMost(SETTLE)
            .pollInterval(Duration.ofSeconds(2))
            .until(
                () -> ConsumerGroups.ofServices(stack.kafkaBootstrapServers(), SERVICES),
                groups ->
                    split.keySet().stream()
                        .filter(g -> g.startsWith("checkpoint.") || g.startsWith("case."))
                        .allMatch(
                            g ->
                                groups.getOrDefault(g, List.of()).size() == 1
                                    && groups.get(g).get(0)
                                        == split.get(g).stream().mapToInt(i -> i).sum()));
    System.out.println("scale-out: partitions per member after the kill " + after);

    // both instances of checkpoint-service served uploads, both gateways took them
    Pattern served = Pattern.compile("POST /inspections/batch status=200");
    Pattern routed = Pattern.compile("POST /api/v1/checkpoint/inspections/batch route=checkpoint");
    for (int n = 0; n < 2; n++) {
      long byService = served.matcher(stack.log(ServiceCatalog.CHECKPOINT, n)).results().count();
      long byGateway = routed.matcher(stack.log(ServiceCatalog.GATEWAY, n)).results().count();
      System.out.printf(
          "scale-out: checkpoint-%d stored %d batches, gateway-%d routed %d%n",
          n + 1, byService, n + 1, byGateway);
      assertThat(byService).as("batches stored by checkpoint-service %d", n + 1).isPositive();
      assertThat(byGateway).as("batches routed by gateway %d", n + 1).isPositive();
    }
  }

  /** {@code sql} with one uuid[] parameter (or none) on a service's database. */
  private long count(ServiceCatalog.Service service, String sql, List<UUID> ids)
      throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                stack.jdbcUrl(service.database()), PostgresServer.USER, PostgresServer.PASSWORD);
        PreparedStatement query = c.prepareStatement(sql)) {
      if (ids != null) {
        Array array = c.createArrayOf("uuid", ids.toArray());
        query.setArray(1, array);
      }
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
