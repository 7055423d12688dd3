package cn.gov.jingyang.ops.cases;

import cn.gov.jingyang.ops.testing.ServiceBaselineTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CaseServiceBaselineTest extends ServiceBaselineTest {}
