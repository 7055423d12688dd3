package cn.gov.jingyang.ops.gateway;

import cn.gov.jingyang.ops.infra.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Every test of this service runs against the shared real PostgreSQL (database "gateway") and
 * Kafka.
 */
@WithTestResource(
    value = InfrastructureTestResource.class,
    scope = TestResourceScope.GLOBAL,
    initArgs = @ResourceArg(name = "database", value = "gateway"))
public final class UseRealInfrastructure {}
