package cn.gov.jingyang.ops.gateway.openapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** The security schemes of the merged document: how a caller gets the token an operation needs. */
final class SecuritySchemes {

  private static final String JWT =
      " The token is a JWS signed with RS256 by the gateway (kid in its header; keys at"
          + " /.well-known/jwks.json), following RFC8725 (JSON Web Token best current practices):"
          + " the algorithm is fixed, alg none and HMAC are refused, signature, issuer and expiry"
          + " are checked by the gateway and again by every service. Claims: sub, groups (the"
          + " roles), unit (the caller's unit id, when it has one), iss, aud, iat, exp, jti.";

  private SecuritySchemes() {}

  static ObjectNode of(String tokenUrl, Set<String> roles) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode schemes = json.objectNode();
    ObjectNode oauth2 = schemes.putObject(GatewayContract.OAUTH2);
    oauth2.put("type", "oauth2");
    oauth2.put(
        "description",
        "For systems: OAuth 2.0 client credentials (RFC 6749 §4.4) at "
            + tokenUrl
            + " with the client id and secret district command registered (HTTP Basic or form"
            + " fields); the answer is a short-lived bearer JWT (15 minutes by default). No refresh"
            + " token is issued: refreshUrl is the same endpoint, where a client gets a new token"
            + " with its credentials. The scopes are the roles the client was registered with; they"
            + " need not be requested."
            + JWT);
    ObjectNode flow = oauth2.putObject("flows").putObject("clientCredentials");
    flow.put("tokenUrl", tokenUrl);
    flow.put("refreshUrl", tokenUrl);
    ObjectNode scopes = flow.putObject("scopes");
    roles.forEach(role -> scopes.put(role, "role " + role + " (in the token's groups claim)"));
    bearer(
        schemes.putObject(GatewayContract.BEARER),
        "For people (the dashboard): the token POST /auth/login answers for a username and"
            + " password, or a client-credentials token, sent as Authorization: Bearer. The"
            + " operation's list names the roles of which the token needs one.");
    bearer(
        schemes.putObject(GatewayContract.ADMIN),
        "The gateway's admin API (/admin/...): the same kind of bearer token, with role COMMAND."
            + " A scheme of its own so that admin operations are told apart from the rest.");
    return schemes;
  }

  private static void bearer(ObjectNode scheme, String description) {
    scheme.put("type", "http");
    scheme.put("scheme", "bearer");
    scheme.put("bearerFormat", "JWT");
    scheme.put("description", description + JWT);
  }
}
