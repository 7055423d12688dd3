package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.stack.Suite;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * The gateway as a client integrating with it sees it: tokens from {@code POST /oauth/token}
 * (client credentials), a client registered through {@code /admin/clients} with the demo COMMAND
 * client every suite seeds.
 */
final class GatewayClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String gateway;

  GatewayClient(String gateway) {
    this.gateway = gateway;
  }

  /** A token of a newly registered client that has every role. */
  String allRolesToken() throws Exception {
    String command = token(Suite.DEMO_CLIENT_ID, Suite.DEMO_CLIENT_SECRET);
    String clientId = "hostile-volume-" + UUID.randomUUID().toString().substring(0, 8);
    String body =
        JSON.writeValueAsString(java.util.Map.of("clientId", clientId, "roles", Roles.ALL));
    HttpResponse<String> registered =
        send(
            HttpRequest.newBuilder(URI.create(gateway + "/admin/clients"))
                .header("Authorization", "Bearer " + command)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    if (registered.statusCode() != 201) {
      throw new IllegalStateException("register " + clientId + ": " + registered.body());
    }
    return token(clientId, JSON.readTree(registered.body()).path("clientSecret").asText());
  }

  /**
   * A token from {@code POST /oauth/token} of a newly registered client with {@code roles} (and
   * {@code unitId}, when not null).
   */
  String clientToken(String prefix, java.util.List<String> roles, String unitId) throws Exception {
    String command = token(Suite.DEMO_CLIENT_ID, Suite.DEMO_CLIENT_SECRET);
    String clientId = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    var client =
        new java.util.HashMap<String, Object>(Map.of("clientId", clientId, "roles", roles));
    if (unitId != null) {
      client.put("unitId", unitId);
    }
    HttpResponse<String> registered =
        send(
            HttpRequest.newBuilder(URI.create(gateway + "/admin/clients"))
                .header("Authorization", "Bearer " + command)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))));
    if (registered.statusCode() != 201) {
      throw new IllegalStateException("register " + clientId + ": " + registered.body());
    }
    return token(clientId, JSON.readTree(registered.body()).path("clientSecret").asText());
  }

  /** The body of a GET (200 expected). */
  String get(String path, String token) throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + ": " + response.statusCode());
    }
    return response.body();
  }

  private String token(String clientId, String secret) throws Exception {
    return accessToken(
        send(tokenRequest(URI.create(gateway + "/oauth/token"), clientId, secret)), clientId);
  }

  /** The client-credentials grant at {@code tokenEndpoint} (HTTP Basic, form body). */
  static HttpRequest.Builder tokenRequest(URI tokenEndpoint, String clientId, String secret) {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                        + ":"
                        + URLEncoder.encode(secret, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(tokenEndpoint)
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"));
  }

  /** The access token of a token endpoint's answer; refused grants throw. */
  static String accessToken(HttpResponse<String> response, String clientId) throws Exception {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("token for " + clientId + ": " + response.body());
    }
    return JSON.readTree(response.body()).path("access_token").asText();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
