package cn.gov.jingyang.ops.personnel.person;

import static cn.gov.jingyang.ops.personnel.TestApi.admin;
import static cn.gov.jingyang.ops.personnel.TestApi.as;
import static cn.gov.jingyang.ops.personnel.TestApi.bureau;
import static cn.gov.jingyang.ops.personnel.TestApi.person;
import static cn.gov.jingyang.ops.personnel.TestApi.register;
import static cn.gov.jingyang.ops.personnel.TestApi.validEventsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PersonResourceTest {

  @Inject DataSource db;
  @Inject KafkaClients kafka;
  @Inject PersonalDataSealing sealing;

  @Test
  void shouldRegisterAPersonAndPublishTheContractedEventOnKafka() {
    String unit = bureau();
    Map<String, Object> body = person("POLICE_OFFICER", unit);
    var created =
        admin()
            .body(body)
            .post("/people")
            .then()
            .statusCode(201)
            .header("ETag", "\"0\"")
            .body("badgeNumber", equalTo(body.get("badgeNumber")))
            .body("dutyStatus", equalTo("AVAILABLE"))
            .body("active", equalTo(true))
            .extract();
    String id = created.path("id");
    assertThat(created.header("Location")).endsWith("/people/" + id);

    as(Roles.CHECKPOINT_OFFICER)
        .get("/people/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("name", equalTo(body.get("name")));

    try (TopicProbe probe = new TopicProbe(kafka.bootstrapServers(), "personnel.events")) {
      String event =
          probe
              .until(
                  records -> records.stream().anyMatch(r -> id.equals(r.key())),
                  Duration.ofSeconds(30))
              .stream()
              .filter(r -> id.equals(r.key()))
              .findFirst()
              .orElseThrow()
              .value();
      EventContracts.assertValid(event);
      JsonPath json = JsonPath.from(event);
      assertThat(json.getString("type")).isEqualTo("cn.gov.jingyang.personnel.PersonRegistered");
      // the number travels sealed only; phone is masked (issue 13, R4)
      String phone = (String) body.get("phone");
      assertThat(json.getString("data.phone"))
          .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
      assertThat(sealing.open(json.getString("data.phoneSealed"))).isEqualTo(phone);
      assertThat(event).doesNotContain(phone);
      assertThat(json.getString("data.unitId")).isEqualTo(unit);
    }
  }

  @Test
  void shouldRefuseADuplicateBadgeNumber() {
    String unit = bureau();
    Map<String, Object> first = person("POLICE_OFFICER", unit);
    register(first);
    Map<String, Object> second = person("POLICE_OFFICER", unit);
    second.put("badgeNumber", first.get("badgeNumber"));
    admin()
        .body(second)
        .post("/people")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", endsWith("duplicate-badge-number"));
  }

  @Test
  void shouldNameTheFieldOfAnInvalidPhoneOrCategory() {
    Map<String, Object> body = person("STAFF", bureau());
    body.put("phone", "12345");
    admin()
        .body(body)
        .post("/people")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("phone"));
    body.put("phone", "13800001234");
    body.put("category", "ASTRONAUT");
    admin()
        .body(body)
        .post("/people")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("category"));
  }

  @Test
  void shouldRefuseAnUnknownUnitAndAPoliceOfficerWithoutBadge() {
    admin()
        .body(person("VOLUNTEER", UUID.randomUUID().toString()))
        .post("/people")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("unitId"));
    Map<String, Object> noBadge = person("POLICE_OFFICER", bureau());
    noBadge.remove("badgeNumber");
    admin()
        .body(noBadge)
        .post("/people")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("badgeNumber"));
    Map<String, Object> volunteerWithBadge = person("VOLUNTEER", bureau());
    volunteerWithBadge.put("badgeNumber", "123456");
    admin()
        .body(volunteerWithBadge)
        .post("/people")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("badgeNumber"));
  }

  @Test
  void shouldUpdateOnlyTheVersionTheCallerRead() {
    Map<String, Object> body = person("AUXILIARY_POLICE", bureau());
    String id = register(body);
    body.put("position", "所長");
    admin()
        .header("If-Match", "\"0\"")
        .body(body)
        .put("/people/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("position", equalTo("所長"));

    body.put("position", "教導員");
    admin()
        .header("If-Match", "\"0\"")
        .body(body)
        .put("/people/" + id)
        .then()
        .statusCode(412)
        .contentType("application/problem+json");
    admin().body(body).put("/people/" + id).then().statusCode(428);
    as(Roles.COMMAND).get("/people/" + id).then().body("position", equalTo("所長"));

    List<String> updates = validEventsOf(db, id, "PersonUpdated");
    assertThat(updates).hasSize(1);
    assertThat(JsonPath.from(updates.get(0)).getInt("data.version")).isEqualTo(1);
  }

  @Test
  void shouldDeactivateButNeverForgetAPerson() {
    Map<String, Object> body = person("STAFF", bureau());
    String id = register(body);
    admin()
        .body(Map.of("reason", "retired"))
        .post("/people/" + id + "/deactivation")
        .then()
        .statusCode(200)
        .body("active", equalTo(false));
    admin()
        .body(Map.of("reason", "again"))
        .post("/people/" + id + "/deactivation")
        .then()
        .statusCode(409);
    admin()
        .header("If-Match", "\"1\"")
        .body(body)
        .put("/people/" + id)
        .then()
        .statusCode(409)
        .body("type", endsWith("person-inactive"));
    as(Roles.AUDITOR).get("/people/" + id).then().statusCode(200).body("active", equalTo(false));
    assertThat(validEventsOf(db, id, "PersonDeactivated")).hasSize(1);
  }

  @Test
  void shouldFilterPeopleByUnitTreeCategoryAndText() {
    String bureau = bureau();
    String station = cn.gov.jingyang.ops.personnel.TestApi.createUnit("POLICE_STATION", bureau);
    Map<String, Object> chief = person("POLICE_OFFICER", bureau);
    chief.put("name", "王所長" + UUID.randomUUID().toString().substring(0, 4));
    register(chief);
    String officer = register("POLICE_OFFICER", station);
    String volunteer = register("VOLUNTEER", station);

    as(Roles.STATION_OFFICER).get("/people?unitId=" + bureau).then().body("total", equalTo(1));
    as(Roles.STATION_OFFICER)
        .get("/people?unitId=" + bureau + "&includeSubUnits=true")
        .then()
        .body("total", equalTo(3))
        .body("items.id", hasItem(officer));
    as(Roles.STATION_OFFICER)
        .get("/people?unitId=" + station + "&category=VOLUNTEER")
        .then()
        .body("total", equalTo(1))
        .body("items[0].id", equalTo(volunteer));
    as(Roles.STATION_OFFICER)
        .get("/people?unitId=" + bureau + "&includeSubUnits=true&q=" + chief.get("name"))
        .then()
        .body("total", equalTo(1));
    as(Roles.STATION_OFFICER)
        .get("/people?q=" + chief.get("badgeNumber"))
        .then()
        .body("total", equalTo(1))
        .body("items[0].name", equalTo(chief.get("name")));
    as(Roles.STATION_OFFICER)
        .get("/people?unitId=" + station + "&dutyStatus=AVAILABLE&size=1")
        .then()
        .body("total", equalTo(2))
        .body("items.size()", equalTo(1))
        .body("size", equalTo(1));
    as(Roles.COMMAND).get("/people?unitId=" + UUID.randomUUID()).then().statusCode(404);
  }

  @Test
  void shouldShowAPersonsPhoneMaskedToAuditAndRefuseItsSearchByAPhone() {
    String unit = bureau();
    Map<String, Object> body = person("POLICE_OFFICER", unit);
    String phone = (String) body.get("phone");
    String masked = phone.substring(0, 3) + "****" + phone.substring(7);
    String id = register(body);

    as(Roles.AUDITOR).get("/people/" + id).then().statusCode(200).body("phone", equalTo(masked));
    as(Roles.AUDITOR)
        .get("/people?unitId=" + unit)
        .then()
        .statusCode(200)
        .body("items[0].phone", equalTo(masked));
    as(Roles.COMMAND).get("/people/" + id).then().body("phone", equalTo(phone));
    // the personnel office keeps the roster, phones included (README, Security)
    admin().get("/people/" + id).then().body("phone", equalTo(phone));

    as(Roles.AUDITOR)
        .get("/people?q=" + phone)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("q"));
    as(Roles.AUDITOR)
        .get("/people?q=510603199001011234")
        .then()
        .statusCode(403)
        .body("errors[0].field", equalTo("q"));
    admin().get("/people?q=510603199001011234").then().statusCode(403);
    as(Roles.AUDITOR).get("/people?q=" + body.get("badgeNumber")).then().statusCode(200);
  }

  @Test
  void shouldRefuseInputOverItsDeclaredLimitsNamingTheField() {
    String unit = bureau();
    Map<String, Object> body = person("STAFF", unit);
    body.put("name", "張".repeat(101));
    body.put("qualifications", java.util.Collections.nCopies(21, "急救員"));
    admin()
        .body(body)
        .post("/people")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItems("name", "qualifications"));
    as(Roles.COMMAND).get("/people?unitId=" + unit).then().body("total", equalTo(0));

    as(Roles.COMMAND)
        .queryParam("q", "張".repeat(101))
        .get("/people")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("q"));
    as(Roles.COMMAND)
        .get("/people?page=" + (PageRequest.MAX_PAGE + 1))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("page"));

    String id = register("STAFF", unit);
    Map<String, Object> renamed = person("STAFF", unit);
    admin()
        .header("If-Match", "\"" + "0".repeat(100) + "\"")
        .body(renamed)
        .put("/people/" + id)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("ifMatch"));
    as(Roles.COMMAND).get("/people/" + id).then().header("ETag", "\"0\"");
  }

  @Test
  void shouldCapAnUnboundedPageInsteadOfFailing() {
    String unit = bureau();
    for (int i = 0; i < 3; i++) {
      register("VOLUNTEER", unit);
    }
    as(Roles.COMMAND)
        .get("/people?size=1000000&page=-5")
        .then()
        .statusCode(200)
        .body("size", equalTo(200))
        .body("page", equalTo(0))
        .body("items.size()", org.hamcrest.Matchers.lessThanOrEqualTo(200));
    as(Roles.COMMAND)
        .get("/people?unitId=" + unit + "&size=2&page=1")
        .then()
        .statusCode(200)
        .body("total", equalTo(3))
        .body("items.size()", equalTo(1));
    as(Roles.COMMAND).get("/people?size=abc").then().statusCode(400);
  }

  @Test
  void shouldKeepPartyFilesFromThoseWhoOnlyReadPeople() {
    as(Roles.CHECKPOINT_OFFICER).get("/people?partyStatus=MEMBER").then().statusCode(403);
    as(Roles.COMMAND).get("/people?partyStatus=MEMBER").then().statusCode(200);
    String id = register("STAFF", bureau());
    as(Roles.CHECKPOINT_OFFICER)
        .get("/people/" + id)
        .then()
        .statusCode(200)
        .body("partyStatus", nullValue());
    as(Roles.CHECKPOINT_OFFICER)
        .body(person("STAFF", bureau()))
        .post("/people")
        .then()
        .statusCode(403);
    as(Roles.COMMAND).body(person("STAFF", bureau())).post("/people").then().statusCode(403);
    as(Roles.PROVINCIAL_PLATFORM).get("/people").then().statusCode(403);
  }

  @Test
  void shouldLetOnlyOneOfTwoRacingWritersWin() throws Exception {
    String unit = bureau();
    Map<String, Object> first = person("POLICE_OFFICER", unit);
    Map<String, Object> second = person("POLICE_OFFICER", unit);
    second.put("badgeNumber", first.get("badgeNumber"));
    assertThat(
            race(
                () -> admin().body(first).post("/people").statusCode(),
                () -> admin().body(second).post("/people").statusCode()))
        .containsExactlyInAnyOrder(201, 409);

    Map<String, Object> body = person("STAFF", unit);
    String id = register(body);
    Map<String, Object> a = new java.util.HashMap<>(body);
    a.put("position", "所長");
    Map<String, Object> b = new java.util.HashMap<>(body);
    b.put("position", "教導員");
    assertThat(
            race(
                () -> admin().header("If-Match", "\"0\"").body(a).put("/people/" + id).statusCode(),
                () ->
                    admin().header("If-Match", "\"0\"").body(b).put("/people/" + id).statusCode()))
        .containsExactlyInAnyOrder(200, 412);
  }

  private static List<Integer> race(
      java.util.concurrent.Callable<Integer> one, java.util.concurrent.Callable<Integer> two)
      throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
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
      return List.of(f1.get(), f2.get());
    } finally {
      pool.shutdownNow();
    }
  }
}
