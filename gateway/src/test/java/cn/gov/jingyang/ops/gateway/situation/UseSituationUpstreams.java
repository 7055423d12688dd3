package cn.gov.jingyang.ops.gateway.situation;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every test of the gateway sees the fake services of {@link SituationUpstreams}. */
@WithTestResource(value = SituationUpstreams.class, scope = TestResourceScope.GLOBAL)
public final class UseSituationUpstreams {}
