package cn.gov.jingyang.ops.personnel;

import cn.gov.jingyang.ops.testing.PackagedServiceTest;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}, started by Quarkus in a process
 * of its own, run by failsafe in {@code verify}) against the same real PostgreSQL and Kafka as the
 * {@code @QuarkusTest} tests ({@link UseRealInfrastructure}): what the build ships starts, is ready
 * with both and serves its API with the authorisation it promises.
 */
@QuarkusIntegrationTest
class PackagedPersonnelServiceIT extends PackagedServiceTest {

  @Override
  protected String commandersList() {
    return "/units";
  }
}
