package cn.gov.jingyang.ops.gateway.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The dashboard that the build bundles (src/main/dashboard) is served at {@code /} without a token
 * (its data needs one), with uPlot inside its own script: nothing is loaded from elsewhere.
 */
@QuarkusTest
class DashboardPageTest {

  @Test
  void theRootServesThePageAndItsBundleWithoutAnyOtherHost() {
    given()
        .get("/")
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .body(containsString("<script src=\"dashboard.js\">"))
        .body(containsString("data-section=\"coverage\""))
        .body(not(containsString("http")));
    given()
        .get("/dashboard.js")
        .then()
        .statusCode(200)
        .body(containsString("uPlot"))
        .body(containsString("/api/v1/situation?date="))
        .body(containsString("dashboard-config.json"));
    given().get("/dashboard.css").then().statusCode(200).body(containsString(".uplot"));
    given().get("/towns.geojson").then().statusCode(200).body(containsString("扬嘉镇"));
  }

  @Test
  void withoutATileUrlThePageIsToldToDrawTheOutlineAlone() {
    given()
        .get("/dashboard-config.json")
        .then()
        .statusCode(200)
        .contentType(containsString("application/json"))
        .body("tileUrl", nullValue());
  }
}
