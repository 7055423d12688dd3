package cn.gov.jingyang.ops.platform.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jingyang.ops.platform.problem.PersistenceProblems;
import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.problem.ProblemResponse;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * An exhausted connection pool (Agroal's acquisition timeout: a SQLException without SQLState, as
 * P3 of the benchmarks met under load) is a 503 the caller may retry, not a 500 from the
 * classification itself failing.
 */
class TransientFaultsTest {

  private static final SQLException POOL_EXHAUSTED =
      new SQLException("Sorry, acquisition timeout!");

  @Test
  void aFaultWithoutSqlStateIsNoContentionAndAnExhaustedPoolIsUnavailable() {
    RuntimeException wrapped =
        new RuntimeException("could not obtain a connection", POOL_EXHAUSTED);

    assertThat(TransientFaults.isContention(wrapped)).isFalse();
    assertThat(TransientFaults.isUnavailable(wrapped)).isTrue();
    Problem problem = PersistenceProblems.of(wrapped, false);
    assertThat(problem.getStatus()).isEqualTo(503);
    assertThat(problem.getExtensions()).containsKey(ProblemResponse.RETRY_AFTER);
  }

  @Test
  void aDeadlockIsStillContention() {
    assertThat(TransientFaults.isContention(new SQLException("deadlock detected", "40P01")))
        .isTrue();
  }
}
