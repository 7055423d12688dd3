package cn.gov.jingyang.ops.personnel.party;

import static cn.gov.jingyang.ops.personnel.TestApi.admin;
import static cn.gov.jingyang.ops.personnel.TestApi.as;
import static cn.gov.jingyang.ops.personnel.TestApi.bureau;
import static cn.gov.jingyang.ops.personnel.TestApi.etag;
import static cn.gov.jingyang.ops.personnel.TestApi.register;
import static cn.gov.jingyang.ops.personnel.TestApi.validEventsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.personnel.TestApi;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.testing.ConcurrentWriters;
import cn.gov.jingyang.ops.testing.ConcurrentWriters.Answer;
import cn.gov.jingyang.ops.testing.ConcurrentWriters.Outcome;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Lost updates of the party file (issue 8 §4): a party-status change takes If-Match with the party
 * file's own version, so a change of the person's details or duty status does not make it stale.
 */
@QuarkusTest
class PartyStatusLostUpdateTest {

  private static final LocalDate FIRST = LocalDate.of(2019, 1, 1);

  @Inject DataSource db;

  private static ExtractableResponse<Response> setStatus(
      String person, String ifMatch, String status, LocalDate since) {
    var request = admin().body(Map.of("status", status, "since", since.toString()));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return request.put("/people/" + person + "/party-status").then().extract();
  }

  /** The next status of the writers' cycle (APPLICANT has rules of its own: left out). */
  private static String after(String status) {
    return switch (status) {
      case "ACTIVIST" -> "PROBATIONARY";
      case "PROBATIONARY" -> "MEMBER";
      default -> "ACTIVIST";
    };
  }

  @Test
  void shouldChangeThePartyStatusOnlyForTheVersionTheWriterRead() {
    Map<String, Object> details = TestApi.person("POLICE_OFFICER", bureau());
    String person = register(details);
    as(Roles.COMMAND)
        .get("/people/" + person + "/party-status")
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("version", equalTo(0));

    var missing = setStatus(person, null, "ACTIVIST", FIRST);
    assertThat(missing.statusCode()).isEqualTo(428);
    assertThat(missing.contentType()).startsWith("application/problem+json");
    assertThat(setStatus(person, "\"3\"", "ACTIVIST", FIRST).statusCode()).isEqualTo(412);
    assertThat(validEventsOf(db, person, "PartyStatusChanged")).isEmpty();

    var first = setStatus(person, "\"0\"", "ACTIVIST", FIRST);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.header("ETag")).isEqualTo("\"1\"");
    // a second writer who read version 0 too: refused, the status stays ACTIVIST
    var stale = setStatus(person, "\"0\"", "MEMBER", FIRST.plusDays(1));
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(stale.contentType()).startsWith("application/problem+json");
    as(Roles.AUDITOR)
        .get("/people/" + person + "/party-status")
        .then()
        .body("status", equalTo("ACTIVIST"))
        .header("ETag", "\"1\"");
    // the same status again changes nothing, not even the version
    assertThat(setStatus(person, "\"1\"", "ACTIVIST", FIRST).header("ETag")).isEqualTo("\"1\"");
    assertThat(validEventsOf(db, person, "PartyStatusChanged")).hasSize(1);

    // the person's details are another resource: changing them leaves the party file's version
    details.put("position", "教導員");
    admin()
        .header("If-Match", etag("/people/" + person))
        .body(details)
        .put("/people/" + person)
        .then()
        .statusCode(200);
    assertThat(setStatus(person, "\"1\"", "MEMBER", FIRST.plusDays(2)).statusCode()).isEqualTo(200);
  }

  /**
   * 50 clients each move one person's party status on from what they read, each with a date of its
   * own: all 50 dates end in the history, and every change was made from the status the one before
   * left.
   */
  @Test
  void shouldLoseNoneOfFiftyConcurrentPartyStatusChanges() throws Exception {
    String person = register("POLICE_OFFICER", bureau());

    Outcome outcome =
        ConcurrentWriters.run(
            50,
            writer -> {
              var read =
                  admin()
                      .get("/people/" + person + "/party-status")
                      .then()
                      .statusCode(200)
                      .extract();
              String next = after(read.jsonPath().getString("status"));
              var written = setStatus(person, read.header("ETag"), next, FIRST.plusDays(writer));
              return new Answer(written.statusCode(), written.header("ETag"));
            });

    assertThat(outcome.unexpected()).isEmpty();
    assertThat(outcome.preconditionFailures()).as("writes refused with 412").isPositive();
    assertThat(outcome.etags())
        .containsExactlyInAnyOrderElementsOf(
            IntStream.rangeClosed(1, 50).mapToObj(v -> "\"" + v + "\"").toList());
    List<JsonPath> events =
        validEventsOf(db, person, "PartyStatusChanged").stream().map(JsonPath::from).toList();
    assertThat(events).hasSize(50);
    assertThat(events.stream().map(e -> e.getString("data.since")))
        .as("every writer's change is in the history")
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, 50).mapToObj(w -> FIRST.plusDays(w).toString()).toList());
    String left = "NONE";
    for (JsonPath event : events) {
      assertThat(event.getString("data.previousStatus")).isEqualTo(left);
      assertThat(event.getString("data.status"))
          .as("made from the status it replaced")
          .isEqualTo(after(left));
      left = event.getString("data.status");
    }
    as(Roles.COMMAND)
        .get("/people/" + person + "/party-status")
        .then()
        .header("ETag", "\"50\"")
        .body("status", equalTo(left));
  }
}
