package cn.gov.jingyang.ops.stack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Chapter 3: two weeks of day shifts at the four checkpoints (two teams taking turns, each a police
 * lead, an auxiliary and a colleague seconded from transport or health); the traffic officer's 12
 * days at 天元 from 27 January, his kidney-stone attack at noon on 7 February (SICK), and his return
 * to the checkpoint the same afternoon; the deputy political commissar and the 黃許 station chief on
 * duty without a day of rest.
 */
final class ShiftsAndStreak {

  static final LocalDate STREAK_FROM = LocalDate.of(2020, 1, 27);
  static final LocalDate COLLAPSE = LocalDate.of(2020, 2, 7);

  private final Story story;

  ShiftsAndStreak(Story story) {
    this.story = story;
  }

  void tell() {
    Replicas.awaitPeople(story);
    Parallel.forEach(List.of(0, 1, 2, 3), this::shiftsAt);
    dutyStatus(
        "streak",
        "SICK",
        Story.at(COLLAPSE, 12, 10),
        Story.at(COLLAPSE, 15, 0),
        "卡點執勤時因勞累導致腎結石、輸尿管結石急性發作，送醫行體外碎石");
    // the afternoon shift he ran back to, after the SICK interval
    shiftsAt(2);
    Parallel.forEach(List.of("commissar", "hx-chief", "hx-officer"), this::tellOf);
  }

  /** The story of one of those who did not rest. */
  private void tellOf(String person) {
    if (person.equals("commissar")) {
      dutyStatus(
          "commissar", "ON_DUTY", Story.at(LocalDate.of(2020, 1, 24), 8, 0), null, "春節值班起未休息");
      dutyStatus("commissar", "AVAILABLE", Story.at(LocalDate.of(2020, 2, 14), 8, 0), null, "輪休");
    } else if (person.equals("hx-chief")) {
      dutyStatus(
          "hx-chief", "ON_DUTY", Story.at(LocalDate.of(2020, 1, 25), 8, 0), null, "負責兩個封控村防疫");
      dutyStatus("hx-chief", "AVAILABLE", Story.at(LocalDate.of(2020, 2, 11), 8, 0), null, "輪休");
    } else {
      dutyStatus(
          "hx-officer",
          "ON_LEAVE",
          Story.at(LocalDate.of(2020, 2, 5), 18, 0),
          Story.at(LocalDate.of(2020, 2, 5), 23, 30),
          "母親急性胰腺炎住院，探望後連夜返崗");
    }
  }

  private record Planned(OffsetDateTime start, OffsetDateTime end, List<String> members) {}

  private List<Planned> planned(int c) {
    List<Planned> shifts = new ArrayList<>();
    boolean tianyuan = c == 2;
    LocalDate first = tianyuan ? STREAK_FROM : Story.FIRST_DAY;
    for (LocalDate day = first; !day.isAfter(Story.LAST_DAY); day = day.plusDays(1)) {
      int team = day.getDayOfMonth() % 2;
      List<String> members =
          new ArrayList<>(
              List.of("lead-" + c + "-" + team, "aux-" + c + "-" + team, "ext-" + c + "-" + team));
      boolean streak = tianyuan && !day.isAfter(COLLAPSE);
      if (streak) {
        members.add("streak");
      }
      if (streak && day.equals(COLLAPSE)) {
        shifts.add(new Planned(Story.at(day, 8, 0), Story.at(day, 12, 0), members));
        shifts.add(new Planned(Story.at(day, 15, 30), Story.at(day, 20, 0), members));
      } else {
        shifts.add(new Planned(Story.at(day, 8, 0), Story.at(day, 20, 0), members));
      }
    }
    return shifts;
  }

  /** Schedules, starts and ends what is missing; the afternoon of the collapse only after it. */
  private void shiftsAt(int c) {
    PublicApi api = story.command;
    UUID checkpoint = story.checkpoint(CheckpointsAndBranches.CHECKPOINTS.get(c).code());
    Map<Instant, JsonNode> existing = new HashMap<>();
    for (JsonNode s :
        Pages.all(
            api,
            "/api/v1/checkpoint/shifts?checkpointId="
                + checkpoint
                + "&from="
                + STREAK_FROM
                + "&to="
                + Story.LAST_DAY
                + "&")) {
      existing.put(OffsetDateTime.parse(s.path("start").asText()).toInstant(), s);
    }
    Set<Instant> afterCollapse = new HashSet<>();
    if (c == 2) {
      afterCollapse.add(Story.at(COLLAPSE, 15, 30).toInstant());
    }
    boolean sickRecorded = sickRecorded();
    for (Planned p : planned(c)) {
      if (afterCollapse.contains(p.start().toInstant()) && !sickRecorded) {
        continue;
      }
      JsonNode shift = existing.get(p.start().toInstant());
      String id;
      String status;
      if (shift == null) {
        ObjectNode body =
            PublicApi.object()
                .put("checkpointId", checkpoint.toString())
                .put("start", p.start().toString())
                .put("end", p.end().toString());
        ArrayNode members = body.putArray("members");
        for (int i = 0; i < p.members().size(); i++) {
          String key = p.members().get(i);
          ObjectNode m =
              members
                  .addObject()
                  .put("personId", story.person(key).toString())
                  .put("role", i == 0 ? "LEAD" : "MEMBER");
          if (key.equals("streak")) {
            m.putObject("override").put("reason", "本人堅持不下崗，天元卡點交通安全保障無人替換");
          }
        }
        JsonNode created =
            api.create(
                    "/api/v1/checkpoint/shifts",
                    body,
                    "shift-" + checkpoint + "-" + p.start().toInstant())
                .body();
        id = created.path("id").asText();
        status = created.path("status").asText();
        story.count("shifts");
      } else {
        id = shift.path("id").asText();
        status = shift.path("status").asText();
      }
      if (status.equals("SCHEDULED") || status.equals("UNDERSTAFFED")) {
        api.create(
            "/api/v1/checkpoint/shifts/" + id + "/start",
            PublicApi.object().put("at", p.start().toString()),
            "shift-start-" + id);
        status = "STARTED";
      }
      if (status.equals("STARTED")) {
        api.create(
            "/api/v1/checkpoint/shifts/" + id + "/end",
            PublicApi.object().put("at", p.end().toString()),
            "shift-end-" + id);
      }
    }
  }

  private boolean sickRecorded() {
    return hasChange(story.person("streak"), Story.at(COLLAPSE, 12, 10));
  }

  private boolean hasChange(UUID person, OffsetDateTime from) {
    for (JsonNode change :
        Pages.all(
            story.personnel(), "/api/v1/personnel/people/" + person + "/duty-status/history?")) {
      if (OffsetDateTime.parse(change.path("effectiveFrom").asText())
          .toInstant()
          .equals(from.toInstant())) {
        return true;
      }
    }
    return false;
  }

  /** A dated duty-status change, unless one from that instant is already recorded. */
  private void dutyStatus(
      String person, String status, OffsetDateTime from, OffsetDateTime until, String reason) {
    UUID id = story.person(person);
    if (hasChange(id, from)) {
      return;
    }
    ObjectNode body =
        PublicApi.object()
            .put("status", status)
            .put("reason", reason)
            .put("effectiveFrom", from.toString());
    if (until != null) {
      body.put("until", until.toString());
    }
    story
        .personnel()
        .create(
            "/api/v1/personnel/people/" + id + "/duty-status",
            body,
            "duty-" + person + "-" + from.toInstant());
    story.count("dutyStatusChanges");
  }
}
