package cn.gov.jingyang.ops.platform.transaction;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.util.function.Supplier;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Flushes inside the unit of work so that losing a race is answered as the rule it broke — a
 * concurrent change or a unique value taken meanwhile — instead of failing at commit with a 500.
 */
public final class Flush {

  private Flush() {}

  /**
   * Runs {@code flush}; a concurrent change becomes {@code onStale}, a unique constraint taken
   * meanwhile becomes {@code onDuplicate}.
   */
  public static void orRefuse(
      Runnable flush, Supplier<ProblemException> onStale, Supplier<ProblemException> onDuplicate) {
    try {
      flush.run();
    } catch (PersistenceException e) {
      if (causedBy(e, OptimisticLockException.class) || causedBy(e, StaleStateException.class)) {
        throw onStale.get();
      }
      if (causedBy(e, ConstraintViolationException.class)) {
        throw onDuplicate.get();
      }
      throw e;
    }
  }

  /** A concurrent change of the same record: the caller should read it again and retry. */
  public static ProblemException changedMeanwhile() {
    return ProblemException.conflict(
        "concurrent-change", "the record was changed meanwhile; read it again and retry");
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
