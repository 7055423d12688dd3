package cn.gov.jingyang.ops.gateway.token;

import cn.gov.jingyang.ops.platform.transaction.TransactionLock;
import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Serialises the seeding of one client or account by every gateway instance that starts against the
 * same database (two replicas starting at once would both find it absent and the second insert
 * would fail on the key): a transaction-scoped advisory lock on the name, taken before the
 * existence check, so the second instance waits and then finds the first one's row.
 */
public final class SeedLock {

  private SeedLock() {}

  /** Call inside the seeding transaction, before looking the name up. */
  public static void take(String kind, String name) {
    TransactionLock.take(Panache.getEntityManager(), "gateway-seed:" + kind + ":" + name);
  }
}
