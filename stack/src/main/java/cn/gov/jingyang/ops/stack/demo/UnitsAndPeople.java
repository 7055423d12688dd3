package cn.gov.jingyang.ops.stack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Chapter 1: the bureau, its brigades and stations with the towns they cover, the partner agencies;
 * the people (police, auxiliaries, staff, seconded staff, volunteers); the criminal investigation
 * brigade's reinforcement of 黃許 and 孝泉 and the legal brigade's of 柏隆.
 */
final class UnitsAndPeople {

  private final Story story;

  UnitsAndPeople(Story story) {
    this.story = story;
  }

  void tell() {
    units();
    people();
    deployments();
  }

  private void units() {
    PublicApi api = story.personnel();
    for (JsonNode unit : Pages.all(api, "/api/v1/personnel/units?")) {
      story.units.put(unit.path("code").asText(), UUID.fromString(unit.path("id").asText()));
    }
    for (Cast.Unit unit : Cast.UNITS) {
      if (story.units.containsKey(unit.code())) {
        continue;
      }
      ObjectNode body =
          PublicApi.object()
              .put("code", unit.code())
              .put("name", unit.name())
              .put("kind", unit.kind());
      if (unit.parent() != null) {
        body.put("parentId", story.unit(unit.parent()).toString());
      }
      unit.towns().forEach(body.putArray("towns")::add);
      JsonNode created = api.create("/api/v1/personnel/units", body, "unit-" + unit.code()).body();
      story.units.put(unit.code(), UUID.fromString(created.path("id").asText()));
      story.count("units");
    }
  }

  private void people() {
    PublicApi api = story.personnel();
    Map<String, UUID> known = new HashMap<>();
    for (JsonNode p : Pages.all(api, "/api/v1/personnel/people?")) {
      UUID id = UUID.fromString(p.path("id").asText());
      known.put(
          naturalKey(
              p.path("badgeNumber").asText(null),
              p.path("name").asText(),
              p.path("unitId").asText()),
          id);
    }
    List<Cast.Person> cast = Cast.people();
    Parallel.forEach(
        java.util.stream.IntStream.range(0, cast.size()).boxed().toList(),
        n -> {
          Cast.Person person = cast.get(n);
          UUID unit = story.unit(person.unit());
          UUID id = known.get(naturalKey(person.badge(), person.name(), unit.toString()));
          if (id == null) {
            id = register(api, person, unit, n + 1);
          }
          story.people.put(person.key(), id);
        });
  }

  private UUID register(PublicApi api, Cast.Person person, UUID unit, int n) {
    ObjectNode body =
        PublicApi.object()
            .put("category", person.category())
            .put("name", person.name())
            .put("unitId", unit.toString())
            .put("position", person.position())
            .put("phone", String.format("1390838%04d", n));
    if (person.badge() != null) {
      body.put("badgeNumber", person.badge());
    }
    person.qualifications().forEach(body.putArray("qualifications")::add);
    JsonNode created =
        api.create("/api/v1/personnel/people", body, "person-" + person.key()).body();
    story.count("people");
    return UUID.fromString(created.path("id").asText());
  }

  private static String naturalKey(String badge, String name, String unitId) {
    return badge != null && !badge.isBlank() ? "badge:" + badge : "name:" + name + "@" + unitId;
  }

  /** 刑警大隊: 51 police and 10 auxiliaries to 黃許, 孝泉 and the 黃許 exit; 法制大隊 to 柏隆. */
  void deployments() {
    PublicApi api = story.personnel();
    deploy(
        api,
        "BR-XJ",
        List.of(target("UNIT", story.unit("PS-HX")), target("UNIT", story.unit("PS-XQ"))),
        "增援黃許、孝泉派出所入戶核查，負責成綿高速公路黃許出口卡點檢查",
        51,
        10,
        List.of("xj-instructor", "lead-0-0", "lead-0-1"));
    deploy(
        api,
        "BR-FZ",
        List.of(target("UNIT", story.unit("PS-BL"))),
        "援助柏隆派出所開展入戶核查（黨員先鋒隊）",
        6,
        0,
        List.of("fz-head"));
  }

  private ObjectNode target(String kind, UUID id) {
    return PublicApi.object().put("kind", kind).put("id", id.toString());
  }

  private void deploy(
      PublicApi api,
      String from,
      List<ObjectNode> targets,
      String task,
      int police,
      int auxiliaries,
      List<String> people) {
    UUID fromId = story.unit(from);
    JsonNode existing = api.get("/api/v1/personnel/deployments?when=ALL&size=50&unitId=" + fromId);
    for (JsonNode d : existing.path("items")) {
      if (task.equals(d.path("task").asText())
          && fromId.toString().equals(d.path("fromUnitId").asText())) {
        return;
      }
    }
    ObjectNode body =
        PublicApi.object()
            .put("fromUnitId", fromId.toString())
            .put("task", task)
            .put("startsOn", Story.POLICE_LEAD.toString())
            .put("headcount", police + auxiliaries)
            .put("policeCount", police)
            .put("auxiliaryCount", auxiliaries);
    body.putArray("targets").addAll(targets);
    people.forEach(p -> body.withArray("personIds").add(story.person(p).toString()));
    api.create("/api/v1/personnel/deployments", body, "deployment-" + from);
    story.count("deployments");
  }
}
