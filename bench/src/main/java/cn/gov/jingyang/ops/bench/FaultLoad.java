package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.infra.IdNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault run's mixed load through the gateway, one thread per kind of write: inspection batches
 * (5 % of occupants flagged), verification tasks of the flags worked to completion (every fourth
 * CONCEALED_EXPOSURE, which opens a case), case transitions, shifts scheduled, started and ended,
 * dated duty-status changes, and one provincial import. What the suite acknowledged (2xx) is kept
 * for the reconciliation; refusals (4xx) and writes left unanswered are counted.
 */
final class FaultLoad {

  static final OffsetDateTime SHIFTS_FROM =
      OffsetDateTime.of(2020, 6, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8));
  static final OffsetDateTime DUTY_FROM =
      OffsetDateTime.of(2020, 7, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8));

  record DutyChange(UUID personId, OffsetDateTime from, String status) {}

  /**
   * How the inspection threads send: records per batch, and a rate for the two together (records
   * per second, each batch on a schedule; 0: as fast as the pause between writes lets them).
   */
  record InspectionPace(int batchSize, double perSecond) {

    /** The fault run's: batches of 10, paced by the pause between writes only. */
    static final InspectionPace FAULT_RUN = new InspectionPace(10, 0);
  }

  /** What the suite acknowledged (a soak at speed acknowledges a million: no copy on write). */
  final List<UUID> inspections = Collections.synchronizedList(new ArrayList<>());

  final AtomicLong flaggedSent = new AtomicLong();
  final Map<UUID, String> shifts = new ConcurrentHashMap<>();
  final List<DutyChange> duty = new CopyOnWriteArrayList<>();
  final Map<UUID, String> completions = new ConcurrentHashMap<>();
  final Map<UUID, String> cases = new ConcurrentHashMap<>();
  final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();
  final Map<String, AtomicLong> unanswered = new ConcurrentHashMap<>();
  final List<String> errors = new CopyOnWriteArrayList<>();
  volatile String importBatch;
  volatile int importRows;
  volatile boolean importAcknowledged;

  private final FaultClient api;
  private final InspectionLoad generator;
  private final List<UUID> shiftCheckpoints;
  private final List<UUID> shiftPeople;
  private final List<UUID> dutyPeople;
  private final String runId = UUID.randomUUID().toString().substring(0, 8);
  private final long pauseMillis;
  private final InspectionPace pace;
  private volatile long end;

  FaultLoad(
      FaultClient api,
      List<UUID> checkpoints,
      List<UUID> people,
      long pauseMillis,
      InspectionPace pace) {
    this.api = api;
    this.generator = new InspectionLoad(20200130L, checkpoints);
    this.shiftCheckpoints = checkpoints;
    int half = people.size() / 2;
    this.shiftPeople = people.subList(0, half);
    this.dutyPeople = people.subList(half, people.size());
    this.pauseMillis = pauseMillis;
    this.pace = pace;
  }

  /** Runs every kind of write for {@code duration}; returns when all threads have stopped. */
  void run(Duration duration) throws InterruptedException {
    end = System.nanoTime() + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    threads.add(inspections("inspections-1"));
    threads.add(inspections("inspections-2"));
    threads.add(loop("verifications", this::verifications));
    threads.add(loop("cases", this::caseTransitions));
    threads.add(loop("shifts", new ShiftLoop()::next));
    threads.add(loop("duty", new DutyLoop()::next));
    threads.add(
        started(
            "fault-import",
            () -> {
              pause(duration.toMillis() * 2 / 5);
              guarded("import", this::provincialImport);
            }));
    for (Thread t : threads) {
      t.join();
    }
  }

  private Thread loop(String name, Runnable step) {
    return started(
        "fault-" + name,
        () -> {
          while (System.nanoTime() < end) {
            guarded(name, step);
            pause(pauseMillis);
          }
        });
  }

  /** One of the two inspection threads: each sends half of the paced rate, or loops. */
  private Thread inspections(String name) {
    if (pace.perSecond() <= 0) {
      return loop(name, this::inspectionBatch);
    }
    long interval = (long) (2e9 * pace.batchSize() / pace.perSecond());
    return started(
        "fault-" + name,
        () -> {
          long next = System.nanoTime();
          while (System.nanoTime() < end) {
            guarded(name, this::inspectionBatch);
            // behind schedule: the next batch goes at once (the schedule is not caught up after
            // the end: a run that fell behind stops on time and reports the rate it reached)
            next += interval;
            pause((next - System.nanoTime()) / 1_000_000);
          }
        });
  }

  private static Thread started(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.start();
    return thread;
  }

  private void guarded(String name, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      errors.add(name + ": " + e);
    }
  }

  private boolean acknowledged(String kind, FaultClient.Answer answer) {
    if (answer.ok()) {
      return true;
    }
    (answer.status() == 0 ? unanswered : refused)
        .computeIfAbsent(
            kind + (answer.status() == 0 ? "" : " " + answer.status()), k -> new AtomicLong())
        .incrementAndGet();
    return false;
  }

  private void inspectionBatch() {
    List<InspectionLoad.Record> batch = generator.batch(pace.batchSize());
    FaultClient.Answer answer =
        api.write(
            "POST",
            "/api/v1/checkpoint/inspections/batch",
            InspectionLoad.batchJson(batch),
            "fault-inspections-" + batch.get(0).clientRecordId(),
            null);
    if (acknowledged("inspection batch", answer)) {
      List<UUID> stored = new ArrayList<>();
      for (JsonNode result : answer.body().path("results")) {
        if (result.path("outcome").asText().equals("REJECTED")) {
          refused
              .computeIfAbsent("inspection record REJECTED", k -> new AtomicLong())
              .incrementAndGet();
        } else {
          stored.add(UUID.fromString(result.path("clientRecordId").asText()));
          flaggedSent.addAndGet(result.path("flaggedCount").asLong());
        }
      }
      inspections.addAll(stored);
    }
  }

  /** Works the open tasks of checkpoint flags to completion: assignment, visit, outcome. */
  private void verifications() {
    FaultClient.Answer page =
        api.get("/api/v1/case/verification-tasks?source=CHECKPOINT_FLAG&status=PENDING&size=5");
    if (!page.ok()) {
      return;
    }
    for (JsonNode task : page.body().path("items")) {
      String id = task.path("id").asText();
      String path = "/api/v1/case/verification-tasks/" + id;
      String etag = "\"" + task.path("version").asLong() + "\"";
      FaultClient.Answer assigned =
          api.write(
              "POST",
              path + "/assignment",
              object().put("assignee", "社區民警"),
              "fault-assign-" + id,
              etag);
      if (!acknowledged("task assignment", assigned)) {
        continue;
      }
      FaultClient.Answer visited =
          api.write(
              "POST",
              path + "/visit",
              object().put("visitedAt", "2020-02-10T10:00:00+08:00"),
              "fault-visit-" + id,
              assigned.etag());
      if (!acknowledged("task visit", visited)) {
        continue;
      }
      String outcome = completions.size() % 4 == 0 ? "CONCEALED_EXPOSURE" : "HOME_QUARANTINE";
      FaultClient.Answer completed =
          api.write(
              "POST",
              path + "/completion",
              object().put("outcome", outcome).put("note", "入戶核查（故障演練）"),
              "fault-complete-" + id,
              visited.etag());
      if (acknowledged("task completion", completed)) {
        completions.put(UUID.fromString(id), outcome);
      }
    }
  }

  /** REPORTED → ACCEPTED → UNDER_INVESTIGATION, a few cases at a time. */
  private void caseTransitions() {
    for (String[] step :
        new String[][] {{"ACCEPTED", "UNDER_INVESTIGATION"}, {"REPORTED", "ACCEPTED"}}) {
      FaultClient.Answer page = api.get("/api/v1/case/cases?status=" + step[0] + "&size=3");
      if (!page.ok()) {
        return;
      }
      for (JsonNode c : page.body().path("items")) {
        String id = c.path("id").asText();
        FaultClient.Answer moved =
            api.write(
                "POST",
                "/api/v1/case/cases/" + id + "/status",
                object().put("status", step[1]),
                "fault-case-" + id + "-" + step[1],
                "\"" + c.path("version").asLong() + "\"");
        if (acknowledged("case transition", moved)) {
          cases.put(UUID.fromString(id), step[1]);
        }
      }
    }
  }

  /**
   * Two-hour shifts of two people, every four hours from 1 June 2020: scheduled, started, ended.
   */
  private final class ShiftLoop {
    private int n;

    void next() {
      OffsetDateTime start = SHIFTS_FROM.plusHours(4L * n);
      OffsetDateTime finish = start.plusHours(2);
      UUID checkpoint = shiftCheckpoints.get(n % shiftCheckpoints.size());
      ObjectNode body =
          object()
              .put("checkpointId", checkpoint.toString())
              .put("start", start.toString())
              .put("end", finish.toString());
      for (int i = 0; i < 2; i++) {
        body.withArray("members")
            .addObject()
            .put("personId", shiftPeople.get((2 * n + i) % shiftPeople.size()).toString())
            .put("role", i == 0 ? "LEAD" : "MEMBER")
            .putObject("override")
            .put("reason", "故障演練排班");
      }
      n++;
      FaultClient.Answer created =
          api.write(
              "POST", "/api/v1/checkpoint/shifts", body, "fault-shift-" + runId + "-" + n, null);
      if (!acknowledged("shift scheduled", created)) {
        return;
      }
      UUID id = UUID.fromString(created.body().path("id").asText());
      shifts.put(id, "SCHEDULED");
      String path = "/api/v1/checkpoint/shifts/" + id;
      if (acknowledged(
          "shift started",
          api.write(
              "POST",
              path + "/start",
              object().put("at", start.toString()),
              "fault-start-" + id,
              null))) {
        shifts.put(id, "STARTED");
        if (acknowledged(
            "shift ended",
            api.write(
                "POST",
                path + "/end",
                object().put("at", finish.toString()),
                "fault-end-" + id,
                null))) {
          shifts.put(id, "ENDED");
        }
      }
    }
  }

  /** Each person of the duty set in turn RESTING then AVAILABLE again, an hour apart. */
  private final class DutyLoop {
    private int n;

    void next() {
      UUID person = dutyPeople.get(n % dutyPeople.size());
      int round = n / dutyPeople.size();
      String status = round % 2 == 0 ? "RESTING" : "AVAILABLE";
      OffsetDateTime from = DUTY_FROM.plusHours(round);
      n++;
      FaultClient.Answer answer =
          api.write(
              "POST",
              "/api/v1/personnel/people/" + person + "/duty-status",
              object()
                  .put("status", status)
                  .put("reason", "故障演練輪休")
                  .put("effectiveFrom", from.toString()),
              "fault-duty-" + runId + "-" + person + "-" + round,
              null);
      if (acknowledged("duty status", answer)) {
        duty.add(new DutyChange(person, from, status));
      }
    }
  }

  private void provincialImport() {
    String batch = "FAULT-" + runId;
    StringBuilder ndjson = new StringBuilder();
    int rows = 300;
    for (int row = 0; row < rows; row++) {
      String town = row % 2 == 0 ? "孝泉镇" : "黄许镇";
      ndjson
          .append(
              object()
                  .put("name", "李" + (char) ('一' + row % 200) + row)
                  .put("idNumber", IdNumbers.nth(IdNumbers.DISTRICT, 900_000 + row))
                  .put("phone", String.format("1370839%04d", row))
                  .put("address", town + (row % 9 + 1) + "組" + (row + 3) + "號")
                  .put("town", town)
                  .put("listedAt", "2020-02-05")
                  .put("reason", "故障演練名單"))
          .append('\n');
    }
    importBatch = batch;
    importRows = rows;
    FaultClient.Answer answer =
        api.send(
            "POST",
            "/api/v1/case/imports?batchId=" + batch,
            ndjson.toString(),
            "application/x-ndjson",
            Map.of());
    importAcknowledged = acknowledged("provincial import", answer);
  }

  private static ObjectNode object() {
    return FaultClient.JSON.createObjectNode();
  }

  private static void pause(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
