package cn.gov.jingyang.ops.gateway.token;

import static io.restassured.RestAssured.given;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/** Verifies a token as a service does: against the gateway's published JWKS, by its kid. */
public final class Jwks {

  private Jwks() {}

  public static String published() {
    return given().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
  }

  /** The claims of a token the JWKS verifies (RS256, kid, issuer, expiry), or an exception. */
  public static JwtClaims verify(String token, String jwks) throws InvalidJwtException {
    try {
      return new JwtConsumerBuilder()
          .setVerificationKeyResolver(
              new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
          .setJwsAlgorithmConstraints(
              org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT, "RS256")
          .setExpectedIssuer("https://ops.jingyang.police/dev")
          .setExpectedAudience("jingyang-ops")
          .setRequireExpirationTime()
          .setRequireJwtId()
          .build()
          .processToClaims(token);
    } catch (org.jose4j.lang.JoseException e) {
      throw new IllegalStateException("not a JWKS: " + jwks, e);
    }
  }
}
