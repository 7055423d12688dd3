package cn.gov.jingyang.ops.checkpoint.shift;

import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.checkpoint.Api;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.infra.TopicProbe;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** People from personnel-service's events, and shifts through the API, for the shift tests. */
final class ShiftSupport {

  private final String bootstrap;

  ShiftSupport(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  UUID person(String dutyStatus) {
    UUID person = Api.registerPerson(bootstrap, dutyStatus);
    awaitStatus(person, dutyStatus);
    return person;
  }

  UUID available() {
    return person("AVAILABLE");
  }

  /** personnel-service reports the person SICK (its own example event, fresh ids). */
  void fallSick(UUID person) {
    String event =
        EventContracts.example("personnel", "DutyStatusChanged")
            .replace("6f1d2a3b-0c4d-4e5f-8a9b-1c2d3e4f5a6b", person.toString())
            .replace("1b6e0c9a-7f2d-4c1e-9a3b-5d8f2e4c6a13", UUID.randomUUID().toString());
    TopicProbe.send(bootstrap, "personnel.events", person.toString(), event);
    awaitStatus(person, "SICK");
  }

  /** personnel-service raises a FatigueAlert for the person; the alert's id. */
  UUID fatigueAlert(UUID person) {
    UUID alert = UUID.randomUUID();
    fatigueEvent("FatigueAlertRaised", person, alert);
    awaitFatigueAlert(person, true);
    return alert;
  }

  /** A rest day cleared the person's FatigueAlert. */
  void fatigueCleared(UUID person, UUID alert) {
    fatigueEvent("FatigueAlertCleared", person, alert);
    awaitFatigueAlert(person, false);
  }

  private void fatigueEvent(String type, UUID person, UUID alert) {
    String event =
        EventContracts.example("personnel", type)
            .replace("6f1d2a3b-0c4d-4e5f-8a9b-1c2d3e4f5a6b", person.toString())
            .replace("0d1e2f3a-4b5c-4d6e-8f7a-8b9c0d1e2f3a", alert.toString())
            .replaceFirst("1b6e0c9a-7f2d-4c1e-9a3b-5d8f2e4c6a2\\d", UUID.randomUUID().toString());
    TopicProbe.send(bootstrap, "personnel.events", person.toString(), event);
  }

  void awaitFatigueAlert(UUID person, boolean open) {
    await()
        .atMost(Duration.ofSeconds(45))
        .untilAsserted(
            () ->
                as(COMMAND)
                    .get("/personnel/" + person)
                    .then()
                    .statusCode(200)
                    .body("fatigueAlertOpen", equalTo(open)));
  }

  void awaitStatus(UUID person, String status) {
    await()
        .atMost(Duration.ofSeconds(45))
        .untilAsserted(
            () ->
                as(COMMAND)
                    .get("/personnel/" + person)
                    .then()
                    .statusCode(200)
                    .body("dutyStatus", equalTo(status)));
  }

  static Map<String, Object> shift(
      String checkpoint, OffsetDateTime start, int hours, List<Map<String, Object>> members) {
    return Map.of(
        "checkpointId",
        checkpoint,
        "start",
        start.toString(),
        "end",
        start.plusHours(hours).toString(),
        "members",
        members);
  }

  static String schedule(Map<String, Object> body) {
    return as(COMMAND).body(body).post("/shifts").then().statusCode(201).extract().path("id");
  }

  /** Runs both calls at the same moment; their results in order. */
  static List<Integer> race(Callable<Integer> one, Callable<Integer> two) throws Exception {
    var pool = Executors.newFixedThreadPool(2);
    try {
      var start = new CountDownLatch(1);
      var f1 =
          pool.submit(
              () -> {
                start.await();
                return one.call();
              });
      var f2 =
          pool.submit(
              () -> {
                start.await();
                return two.call();
              });
      start.countDown();
      return List.of(f1.get(30, TimeUnit.SECONDS), f2.get(30, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
  }
}
