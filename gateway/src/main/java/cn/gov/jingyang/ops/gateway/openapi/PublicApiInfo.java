package cn.gov.jingyang.ops.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The {@code info} of the merged document: what the API is and how to use it. */
final class PublicApiInfo {

  private PublicApiInfo() {}

  static ObjectNode of(JsonNode own, List<String> routes) {
    ObjectNode info = JsonNodeFactory.instance.objectNode();
    info.put("title", "Jingyang district epidemic operations platform");
    info.put(
        "description",
        "The one public API of the epidemic operations platform of the Jingyang district police,"
            + " served by its gateway. Routes: "
            + String.join(", ", routes.stream().map(r -> "/api/v1/" + r).toList())
            + " (each a service: its public operations only; its event feed and administration"
            + " are not reachable from outside), and the gateway's own operations: tokens"
            + " (/oauth/token for systems, /auth/login for people), its public keys"
            + " (/.well-known/jwks.json) and the registration of clients (/admin/clients).\n\n"
            + "Every operation but those three token/key operations needs a bearer JWT (see the"
            + " security schemes). Every answer carries RateLimit-Limit, RateLimit-Remaining and"
            + " RateLimit-Reset (a token bucket per client); an empty bucket is 429 with"
            + " Retry-After. Every error is RFC 9457 application/problem+json (the token endpoint's"
            + " own errors are RFC 6749 §5.2 JSON) with the request's correlationId, which is"
            + " also the X-Request-Id header of the answer.");
    info.put("version", own.path("version").asText("0.1.0"));
    if (own.has("contact")) {
      info.set("contact", own.get("contact").deepCopy());
    }
    return info;
  }
}
