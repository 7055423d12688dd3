package cn.gov.jingyang.ops.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Every test of the gateway sees the fake upstreams of {@link FakeUpstreamServer} as its routes.
 */
@WithTestResource(value = FakeUpstreamServer.class, scope = TestResourceScope.GLOBAL)
public final class UseFakeUpstreams {}
