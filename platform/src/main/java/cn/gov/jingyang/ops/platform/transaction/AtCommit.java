package cn.gov.jingyang.ops.platform.transaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Writes a transaction collects while it runs and makes in one go just before it commits, on the
 * transaction's connection: the one way a service keeps a contended lock out of the rest of its
 * request (the outbox's append lock, a checkpoint's row of the day's figures). The writes of a kind
 * are one object per transaction, created on first use; if they fail, the transaction rolls back
 * and the caller's commit fails. They are not visible to a query inside the transaction.
 */
@ApplicationScoped
public class AtCommit {

  /** Where in the commit the writes are made. */
  public enum Order {
    /**
     * With Hibernate's flush, before every {@link #LAST}: writes that take row locks, so every
     * transaction takes its rows before the outbox's append lock (the order that cannot deadlock).
     */
    EARLY,
    /**
     * After every other before-completion (an interposed synchronization): the outbox's append,
     * whose lock orders the commits and is therefore held for as short a time as possible.
     */
    LAST
  }

  /** What one transaction writes at its commit. */
  public interface Writes {

    void write(Connection c) throws SQLException;

    /** After the commit succeeded. */
    default void committed() {}
  }

  private final DataSource dataSource;
  private final TransactionManager transactions;
  private final TransactionSynchronizationRegistry registry;

  public AtCommit(
      DataSource dataSource,
      TransactionManager transactions,
      TransactionSynchronizationRegistry registry) {
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.registry = registry;
  }

  /**
   * The current transaction's writes of this kind, to add to; created by {@code create} and
   * registered on first use. {@code what} names them in the error if they fail.
   */
  public <W extends Writes> W pending(Class<W> kind, Order order, String what, Supplier<W> create) {
    Registered registered = (Registered) registry.getResource(kind);
    if (registered == null) {
      registered = new Registered(create.get(), what);
      try {
        if (order == Order.LAST) {
          registry.registerInterposedSynchronization(registered);
        } else {
          transactions.getTransaction().registerSynchronization(registered);
        }
      } catch (RollbackException e) {
        return kind.cast(registered.writes); // the transaction rolls back: nothing is written
      } catch (SystemException e) {
        throw new IllegalStateException("could not " + what + " at commit", e);
      }
      registry.putResource(kind, registered);
    }
    if (registered.written) {
      throw new IllegalStateException("could not " + what + ": already written at commit");
    }
    return kind.cast(registered.writes);
  }

  private final class Registered implements Synchronization {

    private final Writes writes;
    private final String what;
    private boolean written;

    Registered(Writes writes, String what) {
      this.writes = writes;
      this.what = what;
    }

    @Override
    public void beforeCompletion() {
      written = true;
      if (registry.getRollbackOnly()) {
        return;
      }
      try (Connection c = dataSource.getConnection()) {
        writes.write(c);
      } catch (SQLException | RuntimeException e) {
        registry.setRollbackOnly();
        throw new IllegalStateException("could not " + what + "; the transaction rolls back", e);
      }
    }

    @Override
    public void afterCompletion(int status) {
      if (status == Status.STATUS_COMMITTED) {
        writes.committed();
      }
    }
  }
}
