package cn.gov.jingyang.ops.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jingyang.ops.infra.EventContracts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The merged public document at {@code /api/v1/openapi}: what it holds, its snapshot {@code
 * contracts/openapi/public.json} ({@code -Dopenapi.snapshot.update=true} rewrites it), and Spectral
 * ({@code spectral:oas} + OWASP) finding no error in it.
 */
@QuarkusTest
class PublicApiDocumentTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

  private static JsonNode live() throws Exception {
    return JSON.readTree(
        given().get("/api/v1/openapi").then().statusCode(200).extract().asString());
  }

  @Test
  void shouldPublishEveryRouteUnderApiV1WithoutTheServicesInternals() throws Exception {
    List<String> paths = new ArrayList<>();
    live().path("paths").fieldNames().forEachRemaining(paths::add);
    for (String route : List.of("checkpoint", "case", "personnel")) {
      assertThat(paths).anyMatch(p -> p.startsWith("/api/v1/" + route + "/"));
      assertThat(paths)
          .noneMatch(
              p ->
                  p.startsWith("/api/v1/" + route + "/events")
                      || p.startsWith("/api/v1/" + route + "/admin")
                      || p.startsWith("/api/v1/" + route + "/q/"));
    }
    assertThat(paths)
        .contains("/oauth/token", "/auth/login", "/.well-known/jwks.json", "/admin/clients")
        .doesNotContain("/events", "/admin/outbox", "/admin/dead-letters")
        .noneMatch(p -> p.startsWith("/q/"));
  }

  @Test
  void shouldDocumentWhatTheGatewayAddsToEveryOperation() throws Exception {
    JsonNode document = live();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                METHODS.forEach(
                    method -> {
                      JsonNode op = path.getValue().path(method);
                      if (op.isMissingNode()) {
                        return;
                      }
                      String at = method.toUpperCase() + " " + path.getKey();
                      assertThat(op.path("responses").has("429")).as(at).isTrue();
                      assertThat(op.path("responses").has("500")).as(at).isTrue();
                      assertThat(op.path("security").isEmpty()).as(at).isFalse();
                      op.path("responses")
                          .properties()
                          .forEach(
                              r ->
                                  assertThat(
                                          r.getValue().has("$ref")
                                              || r.getValue()
                                                  .path("headers")
                                                  .has("RateLimit-Remaining"))
                                      .as("%s %s", at, r.getKey())
                                      .isTrue());
                      if (path.getKey().startsWith("/api/v1/checkpoint/")) {
                        assertThat(op.path("responses").has("503")).as(at).isTrue();
                        assertThat(op.path("responses").has("504")).as(at).isTrue();
                      }
                    }));
    JsonNode schemes = document.path("components").path("securitySchemes");
    assertThat(
            schemes
                .path("oauth2")
                .path("flows")
                .path("clientCredentials")
                .path("tokenUrl")
                .asText())
        .isEqualTo("/oauth/token");
    assertThat(schemes.path("bearer").path("bearerFormat").asText()).isEqualTo("JWT");
    assertThat(document.path("components").path("schemas").has("Problem")).isTrue();
  }

  @Test
  void shouldServeTheDocumentItsSnapshotDescribes() throws Exception {
    JsonNode current = live();
    Path snapshot = EventContracts.root().resolve("openapi").resolve("public.json");
    if (Boolean.getBoolean("openapi.snapshot.update")) {
      Files.writeString(
          snapshot, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(current) + "\n");
    }
    assertThat(Files.exists(snapshot))
        .as("%s is missing: run the gateway's tests with -Dopenapi.snapshot.update=true", snapshot)
        .isTrue();
    assertThat(current)
        .as(
            "/api/v1/openapi differs from %s; run the tests with -Dopenapi.snapshot.update=true and"
                + " commit it",
            snapshot)
        .isEqualTo(JSON.readTree(Files.readString(snapshot)));
  }

  /** The acceptance: 0 Spectral errors on the document the gateway serves. */
  @Test
  void shouldGiveNoSpectralErrors() throws Exception {
    Path document = Path.of("target", "public-openapi.json");
    Files.createDirectories(document.getParent());
    Files.writeString(document, given().get("/api/v1/openapi").then().extract().asString());
    List<Spectral.Finding> findings = new Spectral().lint(document);
    List<Spectral.Finding> errors = findings.stream().filter(f -> f.severity() == 0).toList();
    Map<String, Long> warnings =
        findings.stream()
            .filter(f -> f.severity() == 1)
            .collect(
                Collectors.groupingBy(Spectral.Finding::code, TreeMap::new, Collectors.counting()));
    System.out.println(
        "Spectral on /api/v1/openapi: " + errors.size() + " errors, warnings " + warnings);
    assertThat(errors)
        .as(
            "Spectral errors on /api/v1/openapi (by rule: %s)",
            errors.stream()
                .collect(
                    Collectors.groupingBy(
                        Spectral.Finding::code, TreeMap::new, Collectors.counting())))
        .isEmpty();
  }
}
