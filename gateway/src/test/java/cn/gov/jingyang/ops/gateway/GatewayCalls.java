package cn.gov.jingyang.ops.gateway;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;

/** What the gateway's tests ask of the fake upstreams directly, past the gateway. */
public final class GatewayCalls {

  private GatewayCalls() {}

  /** How many requests with this key reached the fake upstream. */
  public static int upstreamHits(String key) {
    URI fake =
        ConfigProvider.getConfig().getValue("ops.gateway.routes.checkpoint.upstream", URI.class);
    return Integer.parseInt(
        given()
            .baseUri(fake.toString())
            .port(fake.getPort())
            .get("/hits/" + key)
            .then()
            .statusCode(200)
            .extract()
            .asString());
  }

  public static String gateway() {
    return RestAssured.baseURI + ":" + RestAssured.port;
  }
}
