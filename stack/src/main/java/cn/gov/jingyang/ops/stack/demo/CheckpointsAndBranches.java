package cn.gov.jingyang.ops.stack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Chapter 2: the four checkpoints set up on 26 January by transport, health and police, the police
 * taking the lead on 28 January, a temporary party branch at each (flag presented on 2 February),
 * the regular branches, and the deputy chief's evening round of the four checkpoints.
 */
final class CheckpointsAndBranches {

  record Checkpoint(
      String code,
      String name,
      String road,
      String place,
      String town,
      String kind,
      double latitude,
      double longitude) {}

  static final List<Checkpoint> CHECKPOINTS =
      List.of(
          new Checkpoint(
              "CP-HX-EXIT",
              "成綿高速黃許出口卡點",
              "成綿高速公路",
              "黃許出口",
              "黄许镇",
              "HIGHWAY_EXIT",
              31.1905,
              104.4321),
          new Checkpoint(
              "CP-G108-LJ",
              "108國道灕江路口卡點",
              "108國道",
              "灕江路口",
              "城北街道",
              "NATIONAL_ROAD",
              31.1493,
              104.3925),
          new Checkpoint("CP-TY", "天元卡點", "天元大道", "天元", "天元街道", "URBAN_ENTRY", 31.1022, 104.3516),
          new Checkpoint("CP-XQ", "孝泉卡點", "孝泉鎮場鎮入口", "孝泉", "孝泉镇", "VILLAGE", 31.2208, 104.2714));

  static final List<LocalDate> ROUNDS =
      List.of(Story.POLICE_LEAD, LocalDate.of(2020, 2, 4), LocalDate.of(2020, 2, 9));

  static final String TRANSPORT = "旌陽區交通運輸局";
  static final String HEALTH = "旌陽區衛生健康局";
  static final String POLICE = "德陽市公安局旌陽區分局";

  private final Story story;

  CheckpointsAndBranches(Story story) {
    this.story = story;
  }

  void tell() {
    checkpoints();
    regularBranches();
    temporaryBranches();
    Parallel.forEach(members, m -> member(m.branch(), m.person(), m.vanguard()));
    eveningRounds();
  }

  private void checkpoints() {
    PublicApi api = story.command;
    for (JsonNode c : Pages.all(api, "/api/v1/checkpoint/checkpoints?")) {
      story.checkpoints.put(c.path("code").asText(), UUID.fromString(c.path("id").asText()));
    }
    for (int i = 0; i < CHECKPOINTS.size(); i++) {
      Checkpoint c = CHECKPOINTS.get(i);
      if (story.checkpoints.containsKey(c.code())) {
        continue;
      }
      ObjectNode body = description(c, i, TRANSPORT);
      PublicApi.Answer planned =
          api.create("/api/v1/checkpoint/checkpoints", body, "checkpoint-" + c.code());
      UUID id = UUID.fromString(planned.body().path("id").asText());
      story.checkpoints.put(c.code(), id);
      story.count("checkpoints");
      ObjectNode active =
          PublicApi.object()
              .put("status", "ACTIVE")
              .put("at", Story.at(Story.SET_UP, 8, 0).toString())
              .put("reason", "交通、衛健、公安等部門抽調人員設立疫情防控檢查卡點");
      PublicApi.Answer activated =
          api.create(
              "/api/v1/checkpoint/checkpoints/" + id + "/status",
              active,
              "checkpoint-active-" + c.code());
      // 28 January: the police take the lead (the lead-agency window opens at this request)
      api.update(
          "PUT",
          "/api/v1/checkpoint/checkpoints/" + id,
          description(c, i, POLICE),
          activated.etag(),
          null);
    }
  }

  private ObjectNode description(Checkpoint c, int index, String lead) {
    ObjectNode body =
        PublicApi.object()
            .put("code", c.code())
            .put("name", c.name())
            .put("road", c.road())
            .put("place", c.place())
            .put("latitude", c.latitude())
            .put("longitude", c.longitude())
            .put("town", c.town())
            .put("kind", c.kind())
            .put("setUpOn", Story.SET_UP.toString())
            .put("leadAgency", lead)
            .put("supervisingLeaderId", story.person("deputy").toString())
            .put("unitId", story.unit(Cast.CHECKPOINT_UNITS.get(index)).toString());
    body.putArray("participatingAgencies").add(TRANSPORT).add(HEALTH).add(POLICE);
    return body;
  }

  private void regularBranches() {
    Set<String> existing = new HashSet<>();
    for (JsonNode b :
        Pages.all(story.personnel(), "/api/v1/personnel/party-branches?kind=REGULAR&")) {
      existing.add(b.path("name").asText());
      story.branches.put(b.path("name").asText(), UUID.fromString(b.path("id").asText()));
    }
    for (Cast.Unit unit : Cast.UNITS) {
      if (unit.kind().equals("EXTERNAL_DEPARTMENT")) {
        continue;
      }
      String name = unit.name() + "黨支部";
      if (existing.contains(name)) {
        continue;
      }
      ObjectNode body =
          PublicApi.object()
              .put("name", name)
              .put("kind", "REGULAR")
              .put("unitId", story.unit(unit.code()).toString())
              .put("establishedOn", "2016-07-01");
      JsonNode created =
          story
              .personnel()
              .create("/api/v1/personnel/party-branches", body, "branch-" + unit.code())
              .body();
      story.branches.put(name, UUID.fromString(created.path("id").asText()));
      story.count("branches");
    }
    members.add(new Membership("法制大隊黨支部", "fz-head", true));
    members.add(new Membership("黃許派出所黨支部", "hx-chief", true));
    members.add(new Membership("黃許派出所黨支部", "hx-officer", true));
    members.add(new Membership("刑警大隊黨支部", "xj-instructor", true));
    members.add(new Membership("交警大隊黨支部", "streak", false));
    members.add(new Membership("特巡警大隊黨支部", "instructor", false));
    members.add(new Membership("德陽市公安局旌陽區分局黨支部", "chief", false));
    members.add(new Membership("德陽市公安局旌陽區分局黨支部", "deputy", false));
    members.add(new Membership("德陽市公安局旌陽區分局黨支部", "commissar", false));
  }

  /** A person's place in a branch (each person in one branch of the story). */
  private record Membership(String branch, String person, boolean vanguard) {}

  private final List<Membership> members = new java.util.ArrayList<>();

  private void temporaryBranches() {
    for (int i = 0; i < CHECKPOINTS.size(); i++) {
      Checkpoint c = CHECKPOINTS.get(i);
      UUID checkpoint = story.checkpoint(c.code());
      String name = c.name() + "臨時黨支部";
      JsonNode found =
          story
              .personnel()
              .get("/api/v1/personnel/party-branches?kind=TEMPORARY&checkpointId=" + checkpoint);
      UUID id;
      if (found.path("items").size() > 0) {
        id = UUID.fromString(found.path("items").get(0).path("id").asText());
      } else {
        ObjectNode body =
            PublicApi.object()
                .put("name", name)
                .put("kind", "TEMPORARY")
                .put("unitId", story.unit(Cast.CHECKPOINT_UNITS.get(i)).toString())
                .put("checkpointId", checkpoint.toString())
                .put("secretaryId", story.person("lead-" + i + "-0").toString())
                .put("flagPresentedOn", Story.FLAG.toString())
                .put("establishedOn", Story.POLICE_LEAD.toString());
        id =
            UUID.fromString(
                story
                    .personnel()
                    .create("/api/v1/personnel/party-branches", body, "branch-" + c.code())
                    .body()
                    .path("id")
                    .asText());
        story.count("branches");
      }
      story.branches.put(name, id);
      members.add(new Membership(name, "lead-" + i + "-0", true));
      members.add(new Membership(name, "lead-" + i + "-1", true));
      members.add(new Membership(name, "ext-" + i + "-0", false));
      members.add(new Membership(name, "ext-" + i + "-1", false));
      members.add(new Membership(name, "volunteer-" + i, false));
    }
  }

  /** Makes the person a party member (if not yet) and a member of the branch (upsert). */
  private void member(String branch, String person, boolean vanguard) {
    PublicApi api = story.personnel();
    UUID personId = story.person(person);
    PublicApi.Answer status = api.find("/api/v1/personnel/people/" + personId + "/party-status");
    if (!"MEMBER".equals(status.body().path("status").asText())) {
      api.update(
          "PUT",
          "/api/v1/personnel/people/" + personId + "/party-status",
          PublicApi.object().put("status", "MEMBER").put("since", "2012-07-01"),
          status.etag(),
          null);
    }
    UUID branchId = story.branches.get(branch);
    api.create(
        "/api/v1/personnel/party-branches/" + branchId + "/members",
        PublicApi.object()
            .put("personId", personId.toString())
            .put("vanguard", vanguard)
            .put("joinedOn", Story.POLICE_LEAD.toString()),
        "member-" + branchId + "-" + person);
  }

  /**
   * The deputy chief visits each of the four checkpoints every evening after work: the evening the
   * police took the lead, and 4 February (19:20 at 108國道灕江路口, as the article tells).
   */
  private void eveningRounds() {
    Set<String> done = new HashSet<>();
    for (JsonNode v :
        Pages.all(
            story.command,
            "/api/v1/checkpoint/visits?from="
                + Story.POLICE_LEAD
                + "&to="
                + Story.LAST_DAY
                + "&")) {
      done.add(
          v.path("checkpointId").asText() + "@" + v.path("visitedAt").asText().substring(0, 10));
    }
    List<String[]> visits = new java.util.ArrayList<>();
    for (LocalDate day : ROUNDS) {
      for (int i = 0; i < CHECKPOINTS.size(); i++) {
        UUID checkpoint = story.checkpoint(CHECKPOINTS.get(i).code());
        if (!done.contains(checkpoint + "@" + day)) {
          visits.add(new String[] {day.toString(), Integer.toString(i)});
        }
      }
    }
    Parallel.forEach(visits, v -> visit(LocalDate.parse(v[0]), Integer.parseInt(v[1])));
  }

  private void visit(LocalDate day, int i) {
    Checkpoint c = CHECKPOINTS.get(i);
    UUID checkpoint = story.checkpoint(c.code());
    String findings =
        day.equals(Story.POLICE_LEAD)
            ? "上級指令：檢查卡點由公安機關牽頭，全面阻擊疫情從外部流入"
            : "瞭解當天檢查核查情況：車輛、人員登記完整，防護物資尚缺";
    story.command.create(
        "/api/v1/checkpoint/visits",
        PublicApi.object()
            .put("checkpointId", checkpoint.toString())
            .put("leaderId", story.person("deputy").toString())
            .put("visitedAt", Story.at(day, 19, 20 + 15 * ((i + 3) % 4)).toString())
            .put("findings", findings)
            .put("instructions", "夜間加強對外地車輛的體溫檢測與登記"),
        "visit-" + c.code() + "-" + day);
    story.count("visits");
  }
}
