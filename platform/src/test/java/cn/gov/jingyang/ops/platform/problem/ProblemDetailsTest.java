package cn.gov.jingyang.ops.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemDetailsTest {

  private static final String VALID =
      """
      {"name":"Li Wei","category":"VOLUNTEER","age":30,"since":"2020-01-26",
       "occupants":[{"name":"Wang","temperature":36.6}]}""";

  private ValidatableResponse post(String body) {
    return given()
        .auth()
        .oauth2(DevTokens.token("tester", Roles.COMMAND))
        .contentType("application/json")
        .body(body)
        .post("/test/registrations")
        .then();
  }

  private static ValidatableResponse isProblem(ValidatableResponse r, int status) {
    return r.statusCode(status)
        .contentType("application/problem+json")
        .body("status", equalTo(status))
        .body("type", notNullValue())
        .body("title", notNullValue())
        .body("correlationId", notNullValue())
        .body(not(containsString("Exception")))
        .body(not(containsString("\tat ")));
  }

  @Test
  void shouldAcceptAValidRequest() {
    post(VALID).statusCode(200).body("name", equalTo("Li Wei"));
  }

  @Test
  void shouldRefuseMalformedJsonWithoutAStackTrace() {
    isProblem(post("{\"name\": \"Li\", "), 400)
        .body("type", containsString("malformed-json"))
        .body("errors.field", hasItem("body"));
  }

  @Test
  void shouldNameTheFieldOfAWrongType() {
    isProblem(post(VALID.replace("\"age\":30", "\"age\":\"thirty\"")), 400)
        .body("errors.field", hasItem("age"))
        .body("errors.message", hasItem("expected a number"));
  }

  @Test
  void shouldNameEveryMissingField() {
    isProblem(post("{\"occupants\":[{\"temperature\":36.5}]}"), 400)
        .body("errors.field", hasItems("name", "category", "occupants[0].name"));
  }

  @Test
  void shouldListTheAllowedValuesOfAnUnknownEnum() {
    isProblem(post(VALID.replace("VOLUNTEER", "ASTRONAUT")), 400)
        .body("errors.field", hasItem("category"))
        .body("errors[0].message", allOf(containsString("ASTRONAUT"), containsString("VOLUNTEER")));
  }

  @Test
  void shouldNameAFieldInsideAList() {
    isProblem(post(VALID.replace("36.6", "52")), 400)
        .body("errors.field", hasItem("occupants[0].temperature"));
  }

  @Test
  void shouldRefuseAnUnparsableDate() {
    isProblem(post(VALID.replace("2020-01-26", "26/01/2020")), 400)
        .body("errors.field", hasItem("since"));
  }

  @Test
  void shouldNameAnInvalidQueryParameter() {
    isProblem(
            given()
                .auth()
                .oauth2(DevTokens.token("t", Roles.COMMAND))
                .get("/test/registrations/search?limit=0")
                .then(),
            400)
        .body("errors.field", hasItem("limit"));
  }

  @Test
  void shouldNameAnUnparsableDateOrUuidQueryParameter() {
    String token = DevTokens.token("t", Roles.COMMAND);
    isProblem(
            given().auth().oauth2(token).get("/test/registrations/search?since=yesterday").then(),
            400)
        .body("errors[0].field", equalTo("since"))
        .body("errors[0].message", containsString("ISO-8601"));
    isProblem(
            given().auth().oauth2(token).get("/test/registrations/search?unitId=12-ab").then(), 400)
        .body("errors[0].field", equalTo("unitId"))
        .body("errors[0].message", containsString("UUID"));
    isProblem(given().auth().oauth2(token).get("/test/registrations/search?limit=many").then(), 400)
        .body("errors[0].field", equalTo("limit"));
  }

  @Test
  void shouldAnswerAnUnknownPathWith404() {
    isProblem(
        given().auth().oauth2(DevTokens.token("t", Roles.COMMAND)).get("/test/nothing-here").then(),
        404);
  }

  @Test
  void shouldAnswerAWrongMethodWith405() {
    isProblem(
        given()
            .auth()
            .oauth2(DevTokens.token("t", Roles.COMMAND))
            .delete("/test/registrations")
            .then(),
        405);
  }

  @Test
  void shouldAnswerAWrongMediaTypeWith415() {
    isProblem(
        given()
            .auth()
            .oauth2(DevTokens.token("t", Roles.COMMAND))
            .contentType("text/plain")
            .body("hello")
            .post("/test/registrations")
            .then(),
        415);
  }

  @Test
  void shouldNameTheAllowedTransitionsOfAConflict() {
    isProblem(
            given()
                .auth()
                .oauth2(DevTokens.token("t", Roles.COMMAND))
                .get("/test/registrations/conflict")
                .then(),
            409)
        .body("from", equalTo("CLOSED"))
        .body("allowed", notNullValue());
  }

  @Test
  void shouldAnswerASemanticRefusalWith422() {
    isProblem(
            given()
                .auth()
                .oauth2(DevTokens.token("t", Roles.COMMAND))
                .get("/test/registrations/unprocessable")
                .then(),
            422)
        .body("errors.field", hasItem("nationalId"));
  }

  @Test
  void shouldRefuseAnOversizedBodyWith413() {
    String huge = VALID.replace("Li Wei", "x".repeat(1_200_000));
    isProblem(post(huge), 413);
  }

  @Test
  void shouldHideInternalsOfAnUnexpectedError() {
    isProblem(
            given()
                .auth()
                .oauth2(DevTokens.token("t", Roles.COMMAND))
                .header("X-Correlation-Id", "boom-1")
                .get("/test/registrations/boom")
                .then(),
            500)
        .body("correlationId", equalTo("boom-1"))
        .body(not(containsString("jdbc")))
        .body(not(containsString("secret")));
  }
}
