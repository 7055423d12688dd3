package cn.gov.jingyang.ops.platform.inbox;

import cn.gov.jingyang.ops.platform.events.EventCodec;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells a fault of the moment (the database is gone, a lock or statement timed out, a deadlock, the
 * pool is exhausted) from a fault of the event. A transient fault anywhere in the cause chain wins:
 * frameworks wrap it (Hibernate, Narayana's RollbackException, QuarkusTransactionException).
 */
final class TransientFaults {

  /** SQLState classes: 08 connection exception, 53 insufficient resources. */
  private static final Set<String> TRANSIENT_STATE_CLASSES = Set.of("08", "53");

  /**
   * 57P01-57P03 admin/crash shutdown and cannot-connect-now, 55P03 lock not available, 57014 query
   * cancelled (statement timeout), 40P01 deadlock, 40001 serialization failure.
   */
  private static final Set<String> TRANSIENT_STATES =
      Set.of("57P01", "57P02", "57P03", "55P03", "57014", "40P01", "40001");

  /** By name, so the platform needs none of these libraries on its compile path. */
  private static final Set<String> TRANSIENT_TYPES =
      Set.of(
          "org.hibernate.exception.JDBCConnectionException",
          "org.hibernate.exception.LockAcquisitionException",
          "org.hibernate.exception.LockTimeoutException",
          "org.hibernate.PessimisticLockException",
          "org.hibernate.QueryTimeoutException",
          "jakarta.persistence.LockTimeoutException",
          "jakarta.persistence.PessimisticLockException",
          "jakarta.persistence.QueryTimeoutException",
          "jakarta.transaction.SystemException",
          "jakarta.transaction.HeuristicMixedException",
          "jakarta.transaction.HeuristicRollbackException",
          "java.net.ConnectException",
          "java.net.SocketTimeoutException");

  private TransientFaults() {}

  /** True if retrying the same event later may well succeed. */
  static boolean isTransient(Throwable error) {
    if (isPoison(error)) {
      return false;
    }
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    return anyTransient(error, seen);
  }

  /** True if the event itself is refused: it goes to the dead-letter topic without more tries. */
  static boolean isPoison(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof PoisonEventException || t instanceof EventCodec.MalformedEventException) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyTransient(Throwable t, Map<Throwable, Boolean> seen) {
    if (t == null || seen.put(t, Boolean.TRUE) != null) {
      return false;
    }
    if (itselfTransient(t)) {
      return true;
    }
    if (t instanceof SQLException sql && anyTransient(sql.getNextException(), seen)) {
      return true;
    }
    for (Throwable suppressed : t.getSuppressed()) {
      if (anyTransient(suppressed, seen)) {
        return true;
      }
    }
    return anyTransient(t.getCause(), seen);
  }

  private static boolean itselfTransient(Throwable t) {
    if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
      return true;
    }
    if (t instanceof SQLException sql) {
      String state = sql.getSQLState();
      if (state != null && state.length() == 5
          && (TRANSIENT_STATES.contains(state) || TRANSIENT_STATE_CLASSES.contains(state.substring(0, 2)))) {
        return true;
      }
      // Agroal's pool answers "Acquisition timeout while waiting for new connection", no SQLState
      String message = sql.getMessage();
      if (state == null && message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
        return true;
      }
    }
    for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
      if (TRANSIENT_TYPES.contains(type.getName())) {
        return true;
      }
    }
    return false;
  }
}
