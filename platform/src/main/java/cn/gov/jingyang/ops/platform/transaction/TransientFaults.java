package cn.gov.jingyang.ops.platform.transaction;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one place that tells a fault of the moment from a fault of the request or event. Two kinds
 * are transient: <em>contention</em> (deadlock, serialization failure, lock timeout — running the
 * transaction again may succeed at once) and <em>unavailability</em> (the database is gone or
 * overloaded, a statement timed out, the pool is exhausted — a later try may succeed). They are
 * looked for anywhere in the causes, suppressed and chained exceptions, because frameworks wrap
 * them (Hibernate, Narayana's RollbackException, QuarkusTransactionException). Used by the HTTP
 * layer (503 with Retry-After, one retry of a transaction) and by event consumers (hold the
 * partition and retry instead of dead-lettering).
 */
public final class TransientFaults {

  /** 40P01 deadlock, 40001 serialization failure, 55P03 lock not available. */
  private static final Set<String> CONTENTION_STATES = Set.of("40P01", "40001", "55P03");

  /** SQLState classes: 08 connection exception, 53 insufficient resources. */
  private static final Set<String> UNAVAILABLE_STATE_CLASSES = Set.of("08", "53");

  /** 57P01-57P03 admin/crash shutdown and cannot-connect-now, 57014 statement timeout/cancel. */
  private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "57014");

  /** By name, so the platform needs none of these libraries on its compile path. */
  private static final Set<String> CONTENTION_TYPES =
      Set.of(
          "org.hibernate.exception.LockAcquisitionException",
          "org.hibernate.exception.LockTimeoutException",
          "org.hibernate.PessimisticLockException",
          "jakarta.persistence.LockTimeoutException",
          "jakarta.persistence.PessimisticLockException");

  private static final Set<String> UNAVAILABLE_TYPES =
      Set.of(
          "org.hibernate.exception.JDBCConnectionException",
          "org.hibernate.QueryTimeoutException",
          "jakarta.persistence.QueryTimeoutException",
          "jakarta.transaction.SystemException",
          "jakarta.transaction.HeuristicMixedException",
          "jakarta.transaction.HeuristicRollbackException",
          "java.net.ConnectException",
          "java.net.SocketTimeoutException");

  private TransientFaults() {}

  /** True if a later try may well succeed: contention or unavailability. */
  public static boolean isTransient(Throwable failure) {
    return isContention(failure) || isUnavailable(failure);
  }

  /** Deadlock, serialization failure or lock timeout: running the transaction again may succeed. */
  public static boolean isContention(Throwable failure) {
    for (Throwable t : causes(failure)) {
      if (t instanceof SQLException sql && contentionState(sql) || namedIn(t, CONTENTION_TYPES)) {
        return true;
      }
    }
    return false;
  }

  /** The database cannot be reached or cannot serve now (connection, resources, timeout, pool). */
  public static boolean isUnavailable(Throwable failure) {
    for (Throwable t : causes(failure)) {
      if (t instanceof SQLTransientException && !(t instanceof SQLException s && contentionState(s))
          || t instanceof SQLRecoverableException
          || t instanceof SQLException sql && unavailableState(sql)
          || namedIn(t, UNAVAILABLE_TYPES)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A SQLState of contention. Null-safe: Agroal's acquisition timeout carries no SQLState (and
   * {@code Set.of(...).contains(null)} throws, which turned an exhausted pool into a 500).
   */
  private static boolean contentionState(SQLException sql) {
    String state = sql.getSQLState();
    return state != null && CONTENTION_STATES.contains(state);
  }

  private static boolean unavailableState(SQLException sql) {
    String state = sql.getSQLState();
    if (state == null) {
      // Agroal's pool answers "Acquisition timeout while waiting for new connection", no SQLState
      String message = sql.getMessage();
      return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
    return UNAVAILABLE_STATES.contains(state)
        || state.length() == 5 && UNAVAILABLE_STATE_CLASSES.contains(state.substring(0, 2));
  }

  private static boolean namedIn(Throwable t, Set<String> names) {
    for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
      if (names.contains(type.getName())) {
        return true;
      }
    }
    return false;
  }

  /** The failure, its causes, chained SQL exceptions and what was suppressed along the way. */
  public static Set<Throwable> causes(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> todo = new ArrayList<>();
    todo.add(failure);
    Set<Throwable> ordered = new LinkedHashSet<>();
    while (!todo.isEmpty() && ordered.size() < 50) {
      Throwable t = todo.remove(0);
      if (t == null || !seen.add(t)) {
        continue;
      }
      ordered.add(t);
      todo.add(t.getCause());
      if (t instanceof SQLException sql) {
        todo.add(sql.getNextException());
      }
      todo.addAll(List.of(t.getSuppressed()));
    }
    return ordered;
  }
}
