package cn.gov.jingyang.ops.platform.transaction;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Runs a transaction once more when PostgreSQL aborted it for contention (deadlock, serialization
 * failure, lock timeout). It is bound to {@code @Transactional} itself, so every transactional
 * method of every service has it without saying so, and its priority places it outside the
 * transaction interceptor: the retry is a whole new transaction. A method called inside a
 * transaction that is already running is not retried here — the outermost one is. If the second
 * attempt fails too, the fault reaches the caller as a 503 with {@code Retry-After} (see {@code
 * PersistenceProblems}).
 */
@Transactional
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ContentionRetry {

  private static final Logger LOG = Logger.getLogger(ContentionRetry.class);

  @Inject TransactionManager transactions;

  @AroundInvoke
  Object retryOnce(InvocationContext invocation) throws Exception {
    if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
      return invocation.proceed();
    }
    try {
      return invocation.proceed();
    } catch (Exception e) {
      if (!TransientFaults.isContention(e)) {
        throw e;
      }
      LOG.infof(
          "%s.%s met a concurrent transaction (%s); running it once more",
          invocation.getMethod().getDeclaringClass().getSimpleName(),
          invocation.getMethod().getName(),
          sqlState(e));
      return invocation.proceed();
    }
  }

  private static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return "?";
  }
}
