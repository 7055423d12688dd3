package cn.gov.jingyang.ops.platform.testapp;

import cn.gov.jingyang.ops.infra.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every test of this module runs against the shared real PostgreSQL and Kafka. */
@WithTestResource(
    value = InfrastructureTestResource.class,
    scope = TestResourceScope.GLOBAL,
    initArgs = {
      @ResourceArg(name = "database", value = "platform_test"),
      @ResourceArg(
          name = "topics",
          value =
              "platformtest.events,platformtest.events.dlt,platformtest.inbound,platformtest.inbound.dlt,"
                  + "platformtest.notes.state")
    })
public final class UseRealInfrastructure {
  public static final String INBOUND = "platformtest.inbound";
}
