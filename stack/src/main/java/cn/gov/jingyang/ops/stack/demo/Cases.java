package cn.gov.jingyang.ops.stack.demo;

import cn.gov.jingyang.ops.infra.IdNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Chapter 6: the article's four cases, each in the status the article leaves it in — the two
 * netizens' rumour (penalised), the 7,000 masks without maker's marks (seized, under
 * investigation), the resident who hid his return (criminal case filed; opened by the verification
 * of chapter 5), the villagers blocking the food factory (mediated, closed once it reopened).
 */
final class Cases {

  private final Story story;

  Cases(Story story) {
    this.story = story;
  }

  void tell() {
    Replicas.awaitCasePeople(
        story,
        List.of(
            story.person("za-head"),
            story.person("wa-officer"),
            story.person("xj-instructor"),
            story.person("fz-head")));
    Parallel.forEach(
        List.<Runnable>of(this::rumour, this::masks, this::concealment, this::obstruction),
        Runnable::run);
  }

  private void rumour() {
    ObjectNode body =
        request(
            "RUMOUR",
            "ONLINE",
            "兩名網友在網上編造、散佈虛假疫情信息",
            Story.at(LocalDate.of(2020, 1, 25), 22, 0),
            "城北街道",
            "BR-ZA");
    ArrayNode parties = body.putArray("parties");
    party(parties, "網友甲", IdNumbers.of("510603", LocalDate.of(1994, 3, 12), 311), "SUSPECT");
    party(parties, "網友乙", IdNumbers.of("510603", LocalDate.of(1991, 8, 2), 512), "SUSPECT");
    body.putArray("partnerAgencies").add("網安大隊").add("轄區派出所");
    body.putArray("officers")
        .add(story.person("za-head").toString())
        .add(story.person("wa-officer").toString());
    JsonNode c = findOrReport("RUMOUR", body);
    c = action(c, "聯合網安等部門連夜開展調查，1月26日下午將兩名違法嫌疑人擋獲", Story.at(LocalDate.of(2020, 1, 26), 15, 0));
    advance(
        c,
        List.of("ACCEPTED", "UNDER_INVESTIGATION", "ADMINISTRATIVE_PENALTY"),
        "《中華人民共和國治安管理處罰法》第二十五條：散佈謠言，謊報疫情");
  }

  private void masks() {
    ObjectNode body =
        request(
            "COUNTERFEIT_PROTECTIVE_GOODS",
            "REPORT",
            "群眾舉報市區某商店出售假口罩",
            Story.at(LocalDate.of(2020, 1, 27), 10, 0),
            "旌阳街道",
            "BR-ZA");
    body.putArray("partnerAgencies").add("旌陽區市場監督管理局");
    party(body.putArray("parties"), "市區某商店", null, "RESPONSIBLE_ORGANISATION");
    body.putArray("officers").add(story.person("za-head").toString());
    JsonNode c = findOrReport("COUNTERFEIT_PROTECTIVE_GOODS", body);
    if (c.path("seizures").isEmpty()) {
      story.command.update(
          "POST",
          "/api/v1/case/cases/" + c.path("id").asText() + "/seizures",
          PublicApi.object()
              .put("item", "“三無”口罩")
              .put("quantity", 7000)
              .put("unit", "個")
              .put("custodyStatus", "HELD"),
          etag(c),
          "case-seizure-masks");
      c = reread(c);
    }
    advance(c, List.of("ACCEPTED", "UNDER_INVESTIGATION"), null);
  }

  /** The case the verification opened: described as the article tells it, then filed. */
  private void concealment() {
    Replicas.await(
        "the concealment case opened by the verification",
        () -> first("CONCEALMENT_OF_EXPOSURE") != null);
    JsonNode c = first("CONCEALMENT_OF_EXPOSURE");
    OffsetDateTime reported = Story.at(LocalDate.of(2020, 2, 9), 16, 0);
    if (!OffsetDateTime.parse(c.path("reportedAt").asText())
        .toInstant()
        .equals(reported.toInstant())) {
      ObjectNode body =
          request(
              "CONCEALMENT_OF_EXPOSURE",
              null,
              "群眾楊某從疫區返回德陽並故意隱瞞，致使一人確診新型肺炎、3人被醫學隔離觀察、一個小區被封閉管理、一棟居民樓被封控",
              reported,
              "黄许镇",
              "BR-XJ");
      body.remove("source");
      body.remove("officers");
      body.put("address", c.path("address").asText(null));
      body.putArray("partnerAgencies").add("黃許派出所").add("旌陽區衛生健康局");
      party(
          body.putArray("parties"),
          ProvincialList.CONCEALER,
          ProvincialList.idNumber(0),
          "SUSPECT");
      body.putObject("impact")
          .put("confirmedInfections", 1)
          .put("underMedicalObservation", 3)
          .put("compoundsSealed", 1)
          .put("buildingsSealed", 1);
      story.command.update(
          "PUT", "/api/v1/case/cases/" + c.path("id").asText(), body, etag(c), null);
      c = reread(c);
    }
    officer(c, "xj-instructor");
    advance(
        reread(c),
        List.of("ACCEPTED", "UNDER_INVESTIGATION", "CRIMINAL_CASE_FILED"),
        "《中華人民共和國刑法》第三百三十條：妨害傳染病防治罪");
  }

  private void obstruction() {
    ObjectNode body =
        request(
            "OBSTRUCTING_EPIDEMIC_CONTROL",
            "REPORT",
            "食品加工廠準備復工，因遺留矛盾部分村民聚眾阻攔",
            Story.at(LocalDate.of(2020, 2, 9), 9, 30),
            "柏隆镇",
            "PS-BL");
    body.putArray("partnerAgencies").add("法制大隊黨員先鋒隊");
    party(body.putArray("parties"), "柏隆鎮某食品加工廠", null, "VICTIM");
    body.putArray("officers")
        .add(story.person("fz-head").toString())
        .add(story.person("bl-chief").toString());
    JsonNode c = findOrReport("OBSTRUCTING_EPIDEMIC_CONTROL", body);
    c = action(c, "進村開展法治宣傳教育，約談主要牽頭的村民", Story.at(LocalDate.of(2020, 2, 10), 10, 0));
    c = action(c, "該廠順利復工", Story.at(LocalDate.of(2020, 2, 13), 9, 0));
    advance(c, List.of("ACCEPTED", "UNDER_INVESTIGATION", "MEDIATED", "CLOSED"), null);
  }

  private ObjectNode request(
      String kind,
      String source,
      String summary,
      OffsetDateTime reportedAt,
      String town,
      String unit) {
    ObjectNode body =
        PublicApi.object()
            .put("kind", kind)
            .put("summary", summary)
            .put("reportedAt", reportedAt.toString())
            .put("town", town)
            .put("leadUnitId", story.unit(unit).toString());
    if (source != null) {
      body.put("source", source);
    }
    return body;
  }

  private static void party(ArrayNode parties, String name, String idNumber, String role) {
    ObjectNode p = parties.addObject().put("name", name).put("role", role);
    if (idNumber != null) {
      p.put("idNumber", idNumber);
    }
  }

  private JsonNode first(String kind) {
    JsonNode page = story.command.get("/api/v1/case/cases?kind=" + kind + "&size=1");
    return page.path("items").isEmpty() ? null : page.path("items").get(0);
  }

  private JsonNode findOrReport(String kind, ObjectNode body) {
    JsonNode c = first(kind);
    if (c == null) {
      c = story.command.create("/api/v1/case/cases", body, "case-" + kind).body();
      story.count("cases");
    }
    return c;
  }

  private JsonNode action(JsonNode c, String text, OffsetDateTime at) {
    for (JsonNode a : c.path("timeline")) {
      if (text.equals(a.path("text").asText())) {
        return c;
      }
    }
    story.command.update(
        "POST",
        "/api/v1/case/cases/" + c.path("id").asText() + "/actions",
        PublicApi.object().put("text", text).put("at", at.toString()),
        etag(c),
        "case-action-" + c.path("id").asText() + "-" + at.toInstant());
    return reread(c);
  }

  private void officer(JsonNode c, String person) {
    UUID id = story.person(person);
    for (JsonNode o : c.path("officers")) {
      if (id.toString().equals(o.path("personId").asText())) {
        return;
      }
    }
    story.command.update(
        "POST",
        "/api/v1/case/cases/" + c.path("id").asText() + "/officers",
        PublicApi.object().put("personId", id.toString()),
        etag(c),
        "case-officer-" + c.path("id").asText() + "-" + person);
  }

  /** Moves the case along {@code path} from where it is. */
  private void advance(JsonNode c, List<String> path, String legalBasis) {
    int from = path.indexOf(c.path("status").asText()) + 1;
    JsonNode current = c;
    for (int i = from; i < path.size(); i++) {
      String status = path.get(i);
      ObjectNode body = PublicApi.object().put("status", status);
      if (status.equals("ADMINISTRATIVE_PENALTY") || status.equals("CRIMINAL_CASE_FILED")) {
        body.put("legalBasis", legalBasis);
      }
      story.command.update(
          "POST",
          "/api/v1/case/cases/" + current.path("id").asText() + "/status",
          body,
          etag(current),
          "case-status-" + current.path("id").asText() + "-" + status);
      current = reread(current);
    }
  }

  private JsonNode reread(JsonNode c) {
    return story.command.get("/api/v1/case/cases/" + c.path("id").asText());
  }

  private static String etag(JsonNode c) {
    return "\"" + c.path("version").asLong() + "\"";
  }
}
