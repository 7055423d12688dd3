package cn.gov.jingyang.ops.gateway;

import cn.gov.jingyang.ops.testing.HostileRequestTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;

/**
 * At least 2,000 hostile requests generated from this service's live OpenAPI document. The token
 * endpoint answers its 400 and 401 in OAuth's documented error format (RFC 6749 §5.2).
 */
@QuarkusTest
class GatewayHostileRequestTest extends HostileRequestTest {

  @Override
  protected Set<String> operationsAnsweringOAuthErrors() {
    return Set.of("POST /oauth/token");
  }
}
