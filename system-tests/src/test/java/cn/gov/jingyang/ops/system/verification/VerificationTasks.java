package cn.gov.jingyang.ops.system.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.system.GatewayApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Household-verification tasks as case-service's public API shows them to each caller. */
final class VerificationTasks {

  private static final String TASKS = "/api/v1/case/verification-tasks";
  private static final int PAGE_SIZE = 200;

  /** The flag travels checkpoint outbox → Kafka → case-service: minutes on a loaded host. */
  static final Duration ASYNC = Duration.ofMinutes(3);

  private final GatewayApi api;

  VerificationTasks(GatewayApi api) {
    this.api = api;
  }

  /**
   * The task case-service opened for a flagged traveller (its source names the inspection), as
   * COMMAND sees it, once it exists.
   */
  JsonNode awaitTaskOf(CheckpointLane.Traveller traveller) {
    return await("verification task of inspection " + traveller.inspectionId())
        .atMost(ASYNC)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> taskOf(traveller), Optional::isPresent)
        .orElseThrow();
  }

  private Optional<JsonNode> taskOf(CheckpointLane.Traveller traveller) {
    String command = api.tokenFor(Roles.COMMAND);
    for (int page = 0; ; page++) {
      JsonNode tasks = list(command, "source=CHECKPOINT_FLAG&page=" + page + "&size=" + PAGE_SIZE);
      for (JsonNode task : tasks.path("items")) {
        for (JsonNode source : task.path("sources")) {
          if (traveller.inspectionId().toString().equals(source.path("inspectionId").asText())) {
            return Optional.of(task);
          }
        }
      }
      if ((page + 1L) * PAGE_SIZE >= tasks.path("total").asLong()) {
        return Optional.empty();
      }
    }
  }

  /** {@code GET /api/v1/case/verification-tasks/{id}} with the caller's token. */
  HttpResponse<String> get(String token, UUID task) {
    return api.call("GET", TASKS + "/" + task, token, null, Map.of());
  }

  /** The task as the caller reads it by id (asserting a 200). */
  JsonNode read(String token, UUID task) {
    HttpResponse<String> answer = get(token, task);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return GatewayApi.json(answer);
  }

  /** Whether the caller's unfiltered list ({@code GET .../verification-tasks}) holds the task. */
  boolean listed(String token, UUID task) {
    for (int page = 0; ; page++) {
      JsonNode tasks = list(token, "page=" + page + "&size=" + PAGE_SIZE);
      for (JsonNode item : tasks.path("items")) {
        if (task.toString().equals(item.path("id").asText())) {
          return true;
        }
      }
      if ((page + 1L) * PAGE_SIZE >= tasks.path("total").asLong()) {
        return false;
      }
    }
  }

  /**
   * An action on the task ({@code assignment}, {@code visit}, {@code completion}) with If-Match.
   */
  HttpResponse<String> act(String token, UUID task, String action, String etag, Object body) {
    return api.call(
        "POST",
        TASKS + "/" + task + "/" + action,
        token,
        GatewayApi.body(body),
        Map.of("If-Match", etag));
  }

  private JsonNode list(String token, String query) {
    HttpResponse<String> answer = api.call("GET", TASKS + "?" + query, token, null, Map.of());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return GatewayApi.json(answer);
  }
}
