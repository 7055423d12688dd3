package cn.gov.jingyang.ops.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.TreeSet;

/**
 * The write operations ({@code POST /shifts}, …) a service's live OpenAPI document declares, for
 * tests that must cover every one of them (e.g. "every write emits an event"): a new endpoint
 * cannot be forgotten by such a test.
 */
public final class WriteOperations {

  /**
   * The platform's operator endpoints: they release or re-drive what is already there and change no
   * domain state, so they append no event of their own.
   */
  public static final Set<String> PLATFORM_OPERATIONS =
      Set.of(
          "POST /admin/dead-letters/{consumer}/redrive",
          "POST /admin/dead-letters/{consumer}/{dltTopic}/{dltPartition}/{dltOffset}/redrive",
          "POST /admin/outbox/{seq}/release");

  private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");

  private WriteOperations() {}

  /** {@code METHOD /path} of every write operation of the service under test, sorted. */
  public static Set<String> ofLiveApi() throws Exception {
    String body = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
    JsonNode paths = new ObjectMapper().readTree(body).path("paths");
    Set<String> out = new TreeSet<>();
    paths
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> {
                          if (WRITES.contains(method)) {
                            out.add(method.toUpperCase() + " " + path.getKey());
                          }
                        }));
    return out;
  }
}
