package cn.gov.jingyang.ops.checkpoint;

import cn.gov.jingyang.ops.testing.ServiceBaselineTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CheckpointServiceBaselineTest extends ServiceBaselineTest {}
