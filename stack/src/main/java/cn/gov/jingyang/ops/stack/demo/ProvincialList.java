package cn.gov.jingyang.ops.stack.demo;

import cn.gov.jingyang.ops.infra.IdNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Chapter 5: household verification. The provincial platform pushes a key-person list down (batch
 * {@value #BATCH}); the stations visit most of them, some are still open, and one visit in 黃許 finds
 * a resident who hid his return from the epidemic area (CONCEALED_EXPOSURE, which opens the case of
 * chapter 6). Half of the checkpoints' flags are verified as well; the others stay open, overdue
 * since February 2020.
 */
final class ProvincialList {

  static final String BATCH = "SC-ZDRY-20200205";
  static final int ROWS = 40;
  static final int MANUAL = 3;
  static final String CONCEALER = "楊某";

  /** Rows completed (after the concealer, row 0): 1..OPEN_FROM-1; the rest stay open. */
  private static final int OPEN_FROM = 34;

  private static final String[] OUTCOMES = {
    "NO_RISK", "HOME_QUARANTINE", "NO_RISK", "REFERRED_TO_HEALTH", "NO_RISK", "NOT_FOUND"
  };

  private final Story story;

  ProvincialList(Story story) {
    this.story = story;
  }

  static String idNumber(int row) {
    return IdNumbers.nth("510603", 50_000 + row);
  }

  static String name(int row) {
    return row == 0 ? CONCEALER : Inspections.name(90_000 + row);
  }

  void tell(int flagged) {
    importList();
    visitList();
    visitFlags(flagged);
    manualTasks();
  }

  /**
   * The deputy political commissar's evening push: key persons from the big-data lists entered by
   * hand on 10 February, due the next morning, not visited yet — overdue.
   */
  private void manualTasks() {
    java.util.Set<String> entered = new java.util.HashSet<>();
    Pages.all(story.command, "/api/v1/case/verification-tasks?source=MANUAL&")
        .forEach(t -> entered.add(t.path("personName").asText()));
    for (int i = 0; i < MANUAL; i++) {
      String name = Inspections.name(95_000 + i);
      if (entered.contains(name)) {
        continue;
      }
      String town = Inspections.TOWNS.get(i % Inspections.TOWNS.size());
      story.command.create(
          "/api/v1/case/verification-tasks",
          PublicApi.object()
              .put("name", name)
              .put("idNumber", IdNumbers.nth("510603", 60_000 + i))
              .put("phone", String.format("1360838%04d", i))
              .put("address", town + (i + 2) + "組")
              .put("town", town)
              .put("dueAt", Story.at(LocalDate.of(2020, 2, 11), 8, 0).toString())
              .put("note", "大數據推送重點人員，治安部門當晚落實到派出所"),
          "manual-task-" + i);
      story.count("verificationTasks");
    }
  }

  private void importList() {
    StringBuilder ndjson = new StringBuilder();
    for (int row = 0; row < ROWS; row++) {
      String town = row == 0 ? "黄许镇" : Inspections.TOWNS.get(row % Inspections.TOWNS.size());
      ObjectNode line =
          PublicApi.object()
              .put("name", name(row))
              .put("idNumber", idNumber(row))
              .put("phone", String.format("1370838%04d", row))
              .put("address", town + (row % 9 + 1) + "組" + (row + 3) + "號")
              .put("town", town)
              .put("listedAt", "2020-02-05")
              .put("reason", row % 3 == 0 ? "確診病例密切接觸者" : "1月" + (15 + row % 10) + "日自武漢返鄉");
      ndjson.append(line).append('\n');
    }
    PublicApi.Answer answer =
        story.command.send(
            "POST",
            "/api/v1/case/imports?batchId=" + BATCH,
            ndjson.toString(),
            "application/x-ndjson",
            Map.of());
    if (answer.status() != 201 && answer.status() != 200) {
      throw new DemoFailure("POST /imports", answer.status(), String.valueOf(answer.body()));
    }
    story.count(
        "verificationTasks",
        answer.status() == 201 ? answer.body().path("tasksCreated").asInt() : 0);
  }

  private void visitList() {
    List<JsonNode> tasks =
        Pages.all(story.command, "/api/v1/case/verification-tasks?batch=" + BATCH + "&");
    Parallel.forEach(tasks, this::visit);
  }

  private void visit(JsonNode task) {
    {
      int row = rowOf(task.path("personName").asText());
      if (row == 0) {
        work(task, "CONCEALED_EXPOSURE", "隱瞞從疫區返回德陽的事實，致一人確診、3人醫學隔離觀察", LocalDate.of(2020, 2, 9));
      } else if (row > 0 && row < OPEN_FROM) {
        work(
            task,
            OUTCOMES[row % OUTCOMES.length],
            "入戶核查：不漏一戶、不漏一人",
            LocalDate.of(2020, 2, 6 + row % 4));
      } else if (row >= OPEN_FROM && row < OPEN_FROM + 3) {
        assign(task);
      }
    }
  }

  private static int rowOf(String name) {
    for (int row = 0; row < ROWS; row++) {
      if (name(row).equals(name)) {
        return row;
      }
    }
    return -1;
  }

  /** Every other checkpoint flag is visited (home quarantine confirmed); the rest stay open. */
  private void visitFlags(int flagged) {
    String path = "/api/v1/case/verification-tasks?source=CHECKPOINT_FLAG&";
    Replicas.await(
        "case-service to open a task for each of the " + flagged + " flagged occupants",
        () -> Pages.total(story.command, path) >= flagged);
    List<JsonNode> tasks = new ArrayList<>(Pages.all(story.command, path));
    tasks.sort(Comparator.comparing(t -> t.path("personName").asText() + t.path("id").asText()));
    List<JsonNode> visited = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i += 2) {
      visited.add(tasks.get(i));
    }
    Parallel.forEach(
        visited, t -> work(t, "HOME_QUARANTINE", "居家隔離已落實", LocalDate.of(2020, 2, 11)));
  }

  private String assign(JsonNode task) {
    String etag = "\"" + task.path("version").asLong() + "\"";
    if (!task.path("status").asText().equals("PENDING")) {
      return etag;
    }
    String id = task.path("id").asText();
    return story
        .command
        .update(
            "POST",
            "/api/v1/case/verification-tasks/" + id + "/assignment",
            PublicApi.object().put("assignee", "社區民警"),
            etag,
            "task-assign-" + id)
        .etag();
  }

  /** Moves a task on to COMPLETED with the outcome, from wherever it is. */
  private void work(JsonNode task, String outcome, String note, LocalDate visited) {
    String id = task.path("id").asText();
    String status = task.path("status").asText();
    if (status.equals("COMPLETED")) {
      return;
    }
    String etag = assign(task);
    if (status.equals("PENDING") || status.equals("ASSIGNED")) {
      etag =
          story
              .command
              .update(
                  "POST",
                  "/api/v1/case/verification-tasks/" + id + "/visit",
                  PublicApi.object().put("visitedAt", Story.at(visited, 10, 0).toString()),
                  etag,
                  "task-visit-" + id)
              .etag();
    }
    story.command.update(
        "POST",
        "/api/v1/case/verification-tasks/" + id + "/completion",
        PublicApi.object().put("outcome", outcome).put("note", note),
        etag,
        "task-complete-" + id);
    story.count("verificationsCompleted");
  }
}
