package cn.gov.jingyang.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.stack.Suite;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The suite as an integrating system sees it: the gateway's public API, with tokens from its token
 * endpoint ({@code POST /oauth/token}, client credentials). One client per role, registered through
 * the gateway's {@code /admin/clients} with the token of the demo COMMAND client that {@code
 * ./stackctl up} prints.
 */
public final class GatewayApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Tokens live 15 minutes: one is used for at most 10. */
  private static final Duration TOKEN_REUSE = Duration.ofMinutes(10);

  private record Issued(String token, Instant at) {}

  /**
   * Roles whose object-level scope comes from the token's unit: their clients belong to a unit (a
   * made-up one; a station officer without a unit is refused everything of case-service).
   */
  private static final Set<String> UNIT_SCOPED =
      Set.of(Roles.STATION_OFFICER, Roles.CHECKPOINT_OFFICER, Roles.INVESTIGATOR);

  private final UUID unit = UUID.randomUUID();

  private final String gateway;
  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  private final Map<String, Issued> tokens = new ConcurrentHashMap<>();

  GatewayApi(String gateway) {
    this.gateway = gateway;
  }

  /** A token of a client that has exactly {@code role} (registered on first use). */
  public String tokenFor(String role) {
    String clientId = "system-test-" + role.toLowerCase(Locale.ROOT).replace('_', '-');
    return issue(clientId, role, UNIT_SCOPED.contains(role) ? unit : null);
  }

  /**
   * A token of a client that has exactly {@code role} and belongs to {@code unitId} (its claim
   * {@code unit}: a station officer's station, a checkpoint officer's running unit, an
   * investigator's unit); one client per role and unit, registered on first use.
   */
  public String tokenFor(String role, UUID unitId) {
    String clientId =
        "st-"
            + role.toLowerCase(Locale.ROOT).replace('_', '-')
            + "-"
            + unitId.toString().replace("-", "");
    return issue(clientId, role, unitId);
  }

  private synchronized String issue(String clientId, String role, UUID unitId) {
    Issued issued = tokens.get(clientId);
    if (issued == null || issued.at().plus(TOKEN_REUSE).isBefore(Instant.now())) {
      String secret = secrets.computeIfAbsent(clientId, id -> register(id, role, unitId));
      issued = new Issued(token(clientId, secret), Instant.now());
      tokens.put(clientId, issued);
    }
    return issued.token();
  }

  /** {@code POST /oauth/token} with HTTP Basic client authentication; the access token. */
  public String token(String clientId, String secret) {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                        + ":"
                        + URLEncoder.encode(secret, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(gateway + "/oauth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    assertThat(response.statusCode())
        .as("token for %s: %s", clientId, response.body())
        .isEqualTo(200);
    return json(response).path("access_token").asText();
  }

  private String register(String clientId, String role, UUID unit) {
    String command = token(Suite.DEMO_CLIENT_ID, Suite.DEMO_CLIENT_SECRET);
    String unitId = unit != null ? "\"" + unit + "\"" : "null";
    HttpResponse<String> response =
        call(
            "POST",
            "/admin/clients",
            command,
            "{\"clientId\":\"%s\",\"roles\":[\"%s\"],\"unitId\":%s}"
                .formatted(clientId, role, unitId),
            Map.of());
    assertThat(response.statusCode())
        .as("register %s: %s", clientId, response.body())
        .isEqualTo(201);
    return json(response).path("clientSecret").asText();
  }

  /**
   * A request to the gateway ({@code path} from its root, e.g. {@code /api/v1/case/cases}); a
   * non-null {@code body} is sent as JSON.
   */
  public HttpResponse<String> call(
      String method, String path, String token, String body, Map<String, String> headers) {
    return call(method, gateway + path, token, body, "application/json", headers);
  }

  /** A request to any URL of the suite (the gateway's or, bypassing it, a service's own). */
  public static HttpResponse<String> call(
      String method,
      String url,
      String token,
      String body,
      String contentType,
      Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    return send(request);
  }

  /** {@code value} (maps, lists, texts, numbers) as JSON text, for a request body. */
  public static String body(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
    }
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
