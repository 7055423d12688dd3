package cn.gov.jingyang.ops.gateway.access;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The gateway remembers verified tokens; what it counts a request against shows which caller it
 * identified: a COMMAND caller's allowance is 600 requests, an anonymous caller's 100,000 (test
 * profile).
 */
@QuarkusTest
class VerifiedTokenCacheTest {

  private static final String COMMAND_LIMIT = "600";
  private static final String ANONYMOUS_LIMIT = "100000";

  @Test
  void shouldNotTrustATamperedCopyOfATokenItVerifiedBefore() {
    String token = DevTokens.token("chief-" + UUID.randomUUID(), Roles.COMMAND);
    limitOf(token, COMMAND_LIMIT);
    limitOf(token, COMMAND_LIMIT);

    String[] parts = token.split("\\.");
    String otherPayload =
        DevTokens.token("chief-" + UUID.randomUUID(), Roles.COMMAND).split("\\.")[1];
    limitOf(parts[0] + "." + otherPayload + "." + parts[2], ANONYMOUS_LIMIT);
    limitOf(token.substring(0, token.length() - 2) + "AA", ANONYMOUS_LIMIT);
    limitOf(token, COMMAND_LIMIT);
  }

  @Test
  void shouldRefuseARememberedTokenOnceItHasExpired() throws Exception {
    // long enough for the first two requests on a busy host; the test then waits for it to pass
    long expiresAt = System.currentTimeMillis() / 1000 + 15;
    String token =
        Jwt.issuer(DevTokens.ISSUER)
            .subject("chief-" + UUID.randomUUID())
            .groups(Set.of(Roles.COMMAND))
            .expiresAt(expiresAt)
            .sign(KeyUtils.decodePrivateKey(DevTokens.privateKeyPem()));
    limitOf(token, COMMAND_LIMIT);
    limitOf(token, COMMAND_LIMIT);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> System.currentTimeMillis() / 1000 > expiresAt + 1); // + the test's 1 s skew
    limitOf(token, ANONYMOUS_LIMIT);
  }

  private static void limitOf(String token, String limit) {
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/checkpoint/echo/cached-token")
        .then()
        .statusCode(200)
        .header("RateLimit-Limit", limit);
  }
}
