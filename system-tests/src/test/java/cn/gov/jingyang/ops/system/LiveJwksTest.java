package cn.gov.jingyang.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.infra.ServiceCatalog;
import cn.gov.jingyang.ops.platform.security.Roles;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The services of the system stack trust no key of their own: they verify tokens against the
 * gateway's live {@code /.well-known/jwks.json}. A token from the gateway's token endpoint is
 * accepted when sent straight to a service; a forged one, or one of the development key, is 401
 * problem+json from the service itself — bypassing the gateway does not help.
 */
class LiveJwksTest {

  /** A read each service allows COMMAND, on the service's own port. */
  private static final Map<ServiceCatalog.Service, String> READS =
      Map.of(
          ServiceCatalog.CHECKPOINT, "/checkpoints",
          ServiceCatalog.CASE, "/cases",
          ServiceCatalog.PERSONNEL, "/people");

  private static SystemStack stack;
  private static GatewayApi api;

  @BeforeAll
  static void suite() {
    stack = SystemStack.get();
    api = stack.api();
  }

  @Test
  void shouldPublishTheSigningKeyOfThisRunInTheJwks() {
    HttpResponse<String> jwks =
        GatewayApi.call(
            "GET", stack.gateway() + "/.well-known/jwks.json", null, null, null, Map.of());
    assertThat(jwks.statusCode()).isEqualTo(200);
    assertThat(GatewayApi.json(jwks).path("keys").findValuesAsText("kid")).contains(stack.keyId());
  }

  @Test
  void shouldAcceptAGatewayTokenSentStraightToEachService() {
    String token = api.tokenFor(Roles.COMMAND);
    for (Map.Entry<ServiceCatalog.Service, String> read : READS.entrySet()) {
      HttpResponse<String> direct = direct(read.getKey(), read.getValue(), token);
      assertThat(direct.statusCode())
          .as("%s %s", read.getKey().name(), direct.body())
          .isEqualTo(200);
    }
  }

  @Test
  void shouldRefuseForgedTokensAtEachServiceItself() {
    for (Map.Entry<ServiceCatalog.Service, String> read : READS.entrySet()) {
      for (ForgedTokens forged : ForgedTokens.values()) {
        assertRefused(
            read.getKey(),
            read.getValue(),
            forged.token(stack, "intruder", Roles.COMMAND),
            forged.name());
      }
      assertRefused(
          read.getKey(),
          read.getValue(),
          DevTokens.token("intruder", Roles.COMMAND),
          "the development key (./stackctl's, not this deployment's)");
      assertRefused(read.getKey(), read.getValue(), null, "no token");
    }
  }

  private static void assertRefused(
      ServiceCatalog.Service service, String path, String token, String what) {
    HttpResponse<String> direct = direct(service, path, token);
    assertThat(direct.statusCode())
        .as("%s, %s: %s", service.name(), what, direct.body())
        .isEqualTo(401);
    assertThat(direct.headers().firstValue("Content-Type"))
        .as("%s, %s", service.name(), what)
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
  }

  private static HttpResponse<String> direct(
      ServiceCatalog.Service service, String path, String token) {
    return GatewayApi.call("GET", stack.url(service) + path, token, null, null, Map.of());
  }
}
