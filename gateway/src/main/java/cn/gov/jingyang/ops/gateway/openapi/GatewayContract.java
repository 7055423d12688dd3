package cn.gov.jingyang.ops.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the gateway adds to every operation of the merged document, because the gateway does it: the
 * security schemes it issues tokens for (OAuth 2.0 client credentials, a bearer JWT from person
 * login), the {@code RateLimit-*}, {@code X-Request-Id} and CORS headers on every answer, 429 from
 * its rate limit, 413 from its body limit and, on routed operations, 502/503/504 from the upstream.
 */
final class GatewayContract {

  static final String OAUTH2 = "oauth2";
  static final String BEARER = "bearer";
  static final String ADMIN = "adminBearer";
  private static final String HEADERS = "#/components/headers/";
  private static final String RESPONSES = "#/components/responses/";
  private static final String PROBLEM = "#/components/schemas/Problem";
  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final List<String> EVERY_ANSWER =
      List.of(
          "RateLimit-Limit",
          "RateLimit-Remaining",
          "RateLimit-Reset",
          "X-Request-Id",
          "Access-Control-Allow-Origin");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final String tokenUrl;
  private final Set<String> roles = new TreeSet<>();

  GatewayContract(String tokenUrl) {
    this.tokenUrl = tokenUrl;
  }

  /** Adds the gateway's part to every operation under {@code paths}; routed: proxied paths. */
  void apply(ObjectNode document, java.util.function.Predicate<String> routed) {
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                METHODS.forEach(
                    method -> {
                      if (path.getValue().get(method) instanceof ObjectNode operation) {
                        operation(path.getKey(), operation, routed.test(path.getKey()));
                      }
                    }));
    ObjectNode components = (ObjectNode) document.path("components");
    ObjectNode headers = components.putObject("headers");
    header(headers, "RateLimit-Limit", "requests this client may make in a burst", 1, 1000000);
    header(headers, "RateLimit-Remaining", "requests left in this client's bucket", 0, 1000000);
    header(headers, "RateLimit-Reset", "seconds until the bucket is full again", 0, 86400);
    header(headers, "Retry-After", "seconds to wait before trying again", 0, 86400);
    headers.set(
        "X-Request-Id",
        JSON.objectNode()
            .put("description", "the request id (the caller's, or a new one), also in the logs")
            .set("schema", text(100).put("pattern", "^[A-Za-z0-9._:-]{1,100}$")));
    headers.set(
        "Access-Control-Allow-Origin",
        JSON.objectNode()
            .put(
                "description",
                "present when the request's Origin is one of the configured CORS origins"
                    + " (ops.gateway.cors.origins): that origin")
            .set("schema", text(2048).put("format", "uri")));
    ObjectNode responses = components.putObject("responses");
    responses.set(
        "TooManyRequests",
        error(
            "Too many requests: this client's rate limit bucket is empty (at /auth/login also:"
                + " too many failed logins for the username or from the address)",
            true));
    responses.set("TooLarge", error("The body is larger than the gateway accepts", false));
    responses.set(
        "BadGateway", error("The service closed the connection without answering", false));
    responses.set(
        "ServiceUnavailable",
        error("The service cannot be reached, or its circuit breaker is open (Retry-After)", true));
    responses.set("GatewayTimeout", error("The service did not answer within the timeout", false));
    components.set("securitySchemes", SecuritySchemes.of(tokenUrl, roles));
  }

  private void operation(String path, ObjectNode operation, boolean routed) {
    security(path, operation);
    ObjectNode responses = operation.with("responses");
    responses
        .properties()
        .forEach(
            r -> {
              if (r.getValue() instanceof ObjectNode response && !response.has("$ref")) {
                ObjectNode headers = response.with("headers");
                EVERY_ANSWER.forEach(
                    h -> {
                      if (!headers.has(h)) {
                        headers.set(h, ref(HEADERS + h));
                      }
                    });
                if (r.getKey().equals("429") && !headers.has("Retry-After")) {
                  headers.set("Retry-After", ref(HEADERS + "Retry-After"));
                }
              }
            });
    if (operation.has("requestBody")) {
      responses.putIfAbsent("413", ref(RESPONSES + "TooLarge"));
    }
    responses.putIfAbsent("429", ref(RESPONSES + "TooManyRequests"));
    if (routed) {
      responses.putIfAbsent("502", ref(RESPONSES + "BadGateway"));
      responses.putIfAbsent("503", ref(RESPONSES + "ServiceUnavailable"));
      responses.putIfAbsent("504", ref(RESPONSES + "GatewayTimeout"));
    }
  }

  /**
   * The services' one bearer scheme becomes: a client-credentials token or a person's token, both
   * with the roles the service requires; the admin API's own scheme under {@code /admin}. An open
   * operation says so with the empty requirement {@code {}}.
   */
  private void security(String path, ObjectNode operation) {
    JsonNode declared = operation.path("security");
    ArrayNode security = JSON.arrayNode();
    boolean admin = path.startsWith("/admin/") || path.equals("/admin");
    for (JsonNode requirement : declared) {
      requirement
          .properties()
          .forEach(
              scheme -> {
                ArrayNode required = JSON.arrayNode();
                scheme.getValue().forEach(role -> roles.add(role.asText()));
                scheme.getValue().forEach(required::add);
                if (admin) {
                  security.addObject().set(ADMIN, required);
                } else {
                  security.addObject().set(OAUTH2, required);
                  security.addObject().set(BEARER, required.deepCopy());
                }
              });
    }
    if (security.isEmpty()) {
      security.addObject(); // {}: no token needed
    }
    operation.set("security", security);
  }

  private static ObjectNode error(String description, boolean retryAfter) {
    ObjectNode response = JSON.objectNode().put("description", description);
    ObjectNode headers = response.putObject("headers");
    if (retryAfter) {
      headers.set("Retry-After", ref(HEADERS + "Retry-After"));
    }
    EVERY_ANSWER.forEach(h -> headers.set(h, ref(HEADERS + h)));
    response.putObject("content").putObject("application/problem+json").set("schema", ref(PROBLEM));
    return response;
  }

  private static void header(
      ObjectNode headers, String name, String description, int min, int max) {
    ObjectNode schema =
        JSON.objectNode().put("type", "integer").put("format", "int32").put("minimum", min);
    schema.put("maximum", max);
    headers.set(name, JSON.objectNode().put("description", description).set("schema", schema));
  }

  private static ObjectNode text(int maxLength) {
    return JSON.objectNode().put("type", "string").put("maxLength", maxLength);
  }

  private static ObjectNode ref(String ref) {
    return JSON.objectNode().put("$ref", ref);
  }
}
