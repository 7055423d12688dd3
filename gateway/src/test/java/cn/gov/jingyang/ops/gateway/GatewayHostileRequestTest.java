package cn.gov.jingyang.ops.gateway;

import cn.gov.jingyang.ops.testing.HostileRequestTest;
import io.quarkus.test.junit.QuarkusTest;

/** At least 2,000 hostile requests generated from this service's live OpenAPI document. */
@QuarkusTest
class GatewayHostileRequestTest extends HostileRequestTest {}
