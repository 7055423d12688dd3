package cn.gov.jingyang.ops.platform.transaction;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * A PostgreSQL advisory lock named by a text and held until the current transaction ends (commit or
 * rollback): the one way the services serialise work that no row lock covers — appends to the
 * outbox and the audit trail, scheduling a person, changing the risk rules, seeding a client. The
 * name's 64-bit key is {@code hashtextextended(name, 0)}; names start with what they guard ({@code
 * outbox-append}, {@code shift-person:<id>}), so different locks do not meet by accident.
 */
public final class TransactionLock {

  private static final String SQL = "select pg_advisory_xact_lock(hashtextextended(?, 0))";

  private TransactionLock() {}

  /** Waits for the lock on the JDBC connection of the current transaction. */
  public static void take(Connection c, String name) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement(SQL)) {
      lock.setString(1, name);
      lock.execute();
    }
  }

  /** Waits for the lock in the entity manager's transaction. */
  public static void take(EntityManager em, String name) {
    em.createNativeQuery(SQL.replace("?", "?1")).setParameter(1, name).getSingleResult();
  }

  /** Several locks in one fixed (sorted) order, so two callers never wait for each other. */
  public static void takeAll(EntityManager em, Collection<String> names) {
    names.stream().sorted().distinct().forEach(name -> take(em, name));
  }
}
