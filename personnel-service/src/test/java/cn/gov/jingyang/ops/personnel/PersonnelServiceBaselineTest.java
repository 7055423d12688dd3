package cn.gov.jingyang.ops.personnel;

import cn.gov.jingyang.ops.testing.ServiceBaselineTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PersonnelServiceBaselineTest extends ServiceBaselineTest {}
