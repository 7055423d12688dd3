package cn.gov.jingyang.ops.gateway;

import cn.gov.jingyang.ops.testing.ServiceBaselineTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class GatewayBaselineTest extends ServiceBaselineTest {}
