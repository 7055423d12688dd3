package cn.gov.jingyang.ops.personnel.party;

import static cn.gov.jingyang.ops.personnel.TestApi.admin;
import static cn.gov.jingyang.ops.personnel.TestApi.as;
import static cn.gov.jingyang.ops.personnel.TestApi.bureau;
import static cn.gov.jingyang.ops.personnel.TestApi.createUnit;
import static cn.gov.jingyang.ops.personnel.TestApi.etag;
import static cn.gov.jingyang.ops.personnel.TestApi.register;
import static cn.gov.jingyang.ops.personnel.TestApi.validEventsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PartyResourceTest {

  @Inject DataSource db;

  static String temporaryBranch(String checkpointId, String unitId) {
    Map<String, Object> body =
        new HashMap<>(
            Map.of(
                "name",
                "黃許出口卡點臨時黨支部",
                "kind",
                "TEMPORARY",
                "checkpointId",
                checkpointId,
                "establishedOn",
                "2020-02-01",
                "flagPresentedOn",
                "2020-02-02"));
    body.put("unitId", unitId);
    return admin().body(body).post("/party-branches").then().statusCode(201).extract().path("id");
  }

  static void setPartyStatus(String personId, String status, String since) {
    admin()
        .body(Map.of("status", status, "since", since))
        .header("If-Match", etag("/people/" + personId + "/party-status"))
        .put("/people/" + personId + "/party-status")
        .then()
        .statusCode(200)
        .body("status", equalTo(status));
  }

  @Test
  void shouldGatherPartyMembersOfSeveralDepartmentsInACheckpointsTemporaryBranch() {
    String bureau = bureau();
    String transport = createUnit("EXTERNAL_DEPARTMENT", null);
    String checkpoint = UUID.randomUUID().toString();
    String branch = temporaryBranch(checkpoint, bureau);

    String officer = register("POLICE_OFFICER", bureau);
    String seconded = register("EXTERNAL", transport);
    String volunteer = register("VOLUNTEER", bureau);
    String outsider = register("STAFF", bureau);
    setPartyStatus(officer, "MEMBER", "2005-07-01");
    setPartyStatus(seconded, "MEMBER", "2010-07-01");
    setPartyStatus(volunteer, "PROBATIONARY", "2019-12-01");

    admin()
        .body(Map.of("personId", officer, "vanguard", true))
        .post("/party-branches/" + branch + "/members")
        .then()
        .statusCode(204);
    admin()
        .body(Map.of("personId", seconded, "vanguard", false))
        .post("/party-branches/" + branch + "/members")
        .then()
        .statusCode(204);
    admin()
        .body(Map.of("personId", volunteer, "vanguard", false))
        .post("/party-branches/" + branch + "/members")
        .then()
        .statusCode(204);
    admin()
        .body(Map.of("personId", outsider, "vanguard", false))
        .post("/party-branches/" + branch + "/members")
        .then()
        .statusCode(409);

    as(Roles.COMMAND)
        .get("/party-branches?checkpointId=" + checkpoint)
        .then()
        .statusCode(200)
        .body("items.id", contains(branch))
        .body("items[0].memberCount", equalTo(3))
        .body("items[0].vanguardCount", equalTo(1))
        .body("items[0].flagPresentedOn", equalTo("2020-02-02"));
    as(Roles.AUDITOR)
        .get("/party-branches/" + branch + "/members")
        .then()
        .body("items.personId", containsInAnyOrder(officer, seconded, volunteer));
    as(Roles.AUDITOR)
        .get("/party-branches/" + branch + "/members?vanguard=true")
        .then()
        .body("items.personId", contains(officer));
    as(Roles.COMMAND)
        .get("/people?partyStatus=PROBATIONARY&unitId=" + bureau)
        .then()
        .body("items.id", contains(volunteer));

    admin().delete("/party-branches/" + branch + "/members/" + seconded).then().statusCode(204);
    as(Roles.AUDITOR).get("/party-branches/" + branch).then().body("memberCount", equalTo(2));
    assertThat(validEventsOf(db, branch, "PartyBranchEstablished")).hasSize(1);
  }

  @Test
  void shouldCountTheApplicationsWrittenInAPeriod() {
    String bureau = bureau();
    // a period of its own, so that other tests' applications do not count
    LocalDate start =
        LocalDate.of(1950 + ThreadLocalRandom.current().nextInt(60), 1, 1)
            .plusDays(ThreadLocalRandom.current().nextInt(300));
    String branch = temporaryBranch(UUID.randomUUID().toString(), bureau);
    String[] applicants = new String[3];
    for (int i = 0; i < 3; i++) {
      applicants[i] = register("AUXILIARY_POLICE", bureau);
      admin()
          .body(
              Map.of(
                  "status",
                  "APPLICANT",
                  "since",
                  start.plusDays(i * 10L).toString(),
                  "branchId",
                  branch))
          .header("If-Match", etag("/people/" + applicants[i] + "/party-status"))
          .put("/people/" + applicants[i] + "/party-status")
          .then()
          .statusCode(200);
    }
    String late = register("VOLUNTEER", bureau);
    setPartyStatus(late, "APPLICANT", start.plusDays(40).toString());

    as(Roles.COMMAND)
        .get("/party-applications?from=" + start + "&to=" + start.plusDays(30))
        .then()
        .statusCode(200)
        .body("count", equalTo(3))
        .body("applications.items.personId", contains(applicants[0], applicants[1], applicants[2]));
    as(Roles.COMMAND)
        .get(
            "/party-applications?from="
                + start
                + "&to="
                + start.plusDays(40)
                + "&branchId="
                + branch)
        .then()
        .body("count", equalTo(3));
    as(Roles.COMMAND)
        .get("/party-applications?from=" + start.plusDays(5) + "&to=" + start)
        .then()
        .statusCode(400);

    for (String applicant : applicants) {
      assertThat(validEventsOf(db, applicant, "PartyApplicationSubmitted")).hasSize(1);
    }
    setPartyStatus(applicants[0], "ACTIVIST", start.plusDays(60).toString());
    admin()
        .body(Map.of("status", "APPLICANT", "since", start.plusDays(70).toString()))
        .header("If-Match", etag("/people/" + applicants[0] + "/party-status"))
        .put("/people/" + applicants[0] + "/party-status")
        .then()
        .statusCode(409);
    assertThat(validEventsOf(db, applicants[0], "PartyApplicationSubmitted")).hasSize(1);
  }

  @Test
  void shouldDissolveABranchAndKeepItOutOfCurrentLists() {
    String bureau = bureau();
    String checkpoint = UUID.randomUUID().toString();
    String branch = temporaryBranch(checkpoint, bureau);
    admin()
        .body(Map.of("reason", "checkpoint closed"))
        .post("/party-branches/" + branch + "/dissolution")
        .then()
        .statusCode(200)
        .body("dissolvedAt", org.hamcrest.Matchers.notNullValue());
    admin()
        .body(Map.of("reason", "again"))
        .post("/party-branches/" + branch + "/dissolution")
        .then()
        .statusCode(409);
    as(Roles.COMMAND)
        .get("/party-branches?checkpointId=" + checkpoint)
        .then()
        .body("total", equalTo(0));
    as(Roles.COMMAND)
        .get("/party-branches?checkpointId=" + checkpoint + "&includeDissolved=true")
        .then()
        .body("total", equalTo(1));
    String member = register("POLICE_OFFICER", bureau);
    setPartyStatus(member, "MEMBER", "2001-07-01");
    admin()
        .body(Map.of("personId", member, "vanguard", true))
        .post("/party-branches/" + branch + "/members")
        .then()
        .statusCode(409);
    assertThat(validEventsOf(db, branch, "PartyBranchDissolved")).hasSize(1);
  }

  @Test
  void shouldRefuseInconsistentBranches() {
    admin()
        .body(Map.of("name", "臨時黨支部", "kind", "TEMPORARY", "establishedOn", "2020-02-01"))
        .post("/party-branches")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("checkpointId"));
    admin()
        .body(Map.of("name", "刑警大隊黨支部", "kind", "REGULAR", "establishedOn", "2020-02-01"))
        .post("/party-branches")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("unitId"));
    admin()
        .body(
            Map.of(
                "name",
                "x",
                "kind",
                "REGULAR",
                "unitId",
                UUID.randomUUID().toString(),
                "establishedOn",
                "2020-02-01"))
        .post("/party-branches")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("unitId"));
  }

  @Test
  void shouldRefuseANameOrATagOverItsDeclaredLimitNamingTheField() {
    String checkpoint = UUID.randomUUID().toString();
    admin()
        .body(
            Map.of(
                "name",
                "黨".repeat(201),
                "kind",
                "TEMPORARY",
                "checkpointId",
                checkpoint,
                "establishedOn",
                "2020-02-01"))
        .post("/party-branches")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("name"));
    as(Roles.COMMAND)
        .get("/party-branches?checkpointId=" + checkpoint)
        .then()
        .statusCode(200)
        .body("total", equalTo(0));

    String person = register("STAFF", bureau());
    admin()
        .body(Map.of("status", "APPLICANT", "since", "2020-02-05"))
        .header("If-Match", "\"" + " ".repeat(100) + "0\"")
        .put("/people/" + person + "/party-status")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("ifMatch"));
    as(Roles.COMMAND)
        .get("/people/" + person + "/party-status")
        .then()
        .body("status", equalTo("NONE"));
    as(Roles.COMMAND)
        .get("/party-applications?from=2020-01-24&to=2020-02-29&size=10&page=" + 10_737_418)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("page"));
  }

  @Test
  void shouldKeepPartyFilesFromCheckpointOfficers() {
    String person = register("STAFF", bureau());
    as(Roles.CHECKPOINT_OFFICER).get("/party-branches").then().statusCode(403);
    as(Roles.CHECKPOINT_OFFICER).get("/people/" + person + "/party-status").then().statusCode(403);
    as(Roles.STATION_OFFICER)
        .get("/party-applications?from=2020-01-01&to=2020-12-31")
        .then()
        .statusCode(403);
    as(Roles.COMMAND)
        .body(Map.of("status", "MEMBER", "since", "2020-01-01"))
        .header("If-Match", etag("/people/" + person + "/party-status"))
        .put("/people/" + person + "/party-status")
        .then()
        .statusCode(403);
    as(Roles.AUDITOR)
        .get("/people/" + person + "/party-status")
        .then()
        .statusCode(200)
        .body("status", equalTo("NONE"));
  }
}
