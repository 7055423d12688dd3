package cn.gov.jingyang.ops.gateway.situation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.gateway.situation.SituationUpstreams.Mode;
import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The report against three fake services (SituationUpstreams), each up, down, slow or failing. */
@QuarkusTest
class SituationReportTest {

  private static final String COMMAND =
      DevTokens.token("chief-" + UUID.randomUUID(), Roles.COMMAND);

  @BeforeEach
  void everyServiceUp() {
    for (String service : List.of("checkpoint", "case", "personnel")) {
      SituationUpstreams.MODES.put(service, Mode.UP);
    }
    SituationUpstreams.HEADERS.clear();
  }

  @Test
  void shouldMergeTheSectionsOfTheThreeServicesAskedAtTheSameTime() {
    // each fake answers only once all three were asked: a report asking one after the other
    // would find the first section timed out
    for (String service : List.of("checkpoint", "case", "personnel")) {
      SituationUpstreams.MODES.put(service, Mode.TOGETHER);
    }
    JsonPath report =
        given()
            .auth()
            .oauth2(COMMAND)
            .header("X-Request-Id", "report-42")
            .queryParam("date", "2020-02-03")
            .get("/api/v1/situation")
            .then()
            .statusCode(200)
            .contentType("application/json")
            .body("date", equalTo("2020-02-03"))
            .extract()
            .jsonPath();
    assertThat(OffsetDateTime.parse(report.getString("generatedAt")).toInstant())
        .isBetween(Instant.now().minusSeconds(120), Instant.now());
    assertThat(report.getString("checkpoint.status")).isEqualTo("available");
    assertThat(report.getInt("checkpoint.checkpointsActive")).isEqualTo(18);
    assertThat(report.getString("case.status")).isEqualTo("available");
    assertThat(report.getInt("case.opened.total")).isEqualTo(5);
    assertThat(report.getString("personnel.status")).isEqualTo("available");
    assertThat(report.getInt("personnel.partyApplications")).isEqualTo(3);
    for (String service : List.of("checkpoint", "case", "personnel")) {
      assertThat(report.getString(service + ".date")).isEqualTo("2020-02-03");
      assertThat(report.getString(service + ".reason")).isNull();
      assertThat(SituationUpstreams.QUERIES.get(service)).isEqualTo("date=2020-02-03");
      // the caller's token and request id went to every service
      assertThat(SituationUpstreams.HEADERS.get(service).get("Authorization"))
          .isEqualTo("Bearer " + COMMAND);
      assertThat(SituationUpstreams.HEADERS.get(service).get("X-Request-Id"))
          .isEqualTo("report-42");
    }
  }

  @Test
  void shouldAnswer200WithTheSectionOfAServiceThatIsDownUnavailable() {
    SituationUpstreams.stopCaseService();
    try {
      JsonPath report = report(null);
      assertThat(report.getString("case.status")).isEqualTo("unavailable");
      assertThat(report.getString("case.reason")).isEqualTo("connection refused");
      assertThat(report.getString("checkpoint.status")).isEqualTo("available");
      assertThat(report.getString("personnel.status")).isEqualTo("available");
      assertThat(report.getString("date"))
          .isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
    } finally {
      SituationUpstreams.startCaseService();
    }
  }

  @Test
  void shouldGiveUpOnASlowServiceAfterItsRoutesTimeout() {
    SituationUpstreams.MODES.put("personnel", Mode.SLOW); // would answer after a minute
    Instant start = Instant.now();
    JsonPath report = report("2020-02-03");
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(45));
    assertThat(report.getString("personnel.status")).isEqualTo("unavailable");
    assertThat(report.getString("personnel.reason")).isEqualTo("timed out after 3s");
    assertThat(report.getString("checkpoint.status")).isEqualTo("available");
    assertThat(report.getString("case.status")).isEqualTo("available");
  }

  @Test
  void shouldSayOnlyTheStatusOfAServiceThatAnswersAnError() {
    SituationUpstreams.MODES.put("checkpoint", Mode.FAILING);
    String body =
        given()
            .auth()
            .oauth2(COMMAND)
            .get("/api/v1/situation")
            .then()
            .statusCode(200)
            .body("checkpoint.status", equalTo("unavailable"))
            .body("checkpoint.reason", equalTo("upstream answered 503"))
            .extract()
            .asString();
    assertThat(body).doesNotContain("jdbc").doesNotContain("10.0.0.7");
  }

  @Test
  void shouldBeReadByCommandAndAuditorOnlyAndRefuseADayThatDoesNotExist() {
    given().get("/api/v1/situation").then().statusCode(401);
    given()
        .auth()
        .oauth2(DevTokens.token("officer", Roles.CHECKPOINT_OFFICER))
        .get("/api/v1/situation")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(DevTokens.token("auditor-" + UUID.randomUUID(), Roles.AUDITOR))
        .get("/api/v1/situation")
        .then()
        .statusCode(200);
    for (String bad : List.of("2020-02-30", "2020-2-3", "today", "2020-02-03T00:00")) {
      given()
          .auth()
          .oauth2(COMMAND)
          .queryParam("date", bad)
          .get("/api/v1/situation")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("date"));
    }
  }

  private static JsonPath report(String date) {
    var request = given().auth().oauth2(COMMAND);
    if (date != null) {
      request.queryParam("date", date);
    }
    return request.get("/api/v1/situation").then().statusCode(200).extract().jsonPath();
  }
}
