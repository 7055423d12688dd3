package cn.gov.jingyang.ops.platform.outbox;

import cn.gov.jingyang.ops.infra.TestInfrastructure;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.ds.PGSimpleDataSource;

/** A database of the test server of its own, emptied: for tests that migrate it themselves. */
final class EmptyDatabase {

  private EmptyDatabase() {}

  static PGSimpleDataSource named(String name) throws SQLException {
    TestInfrastructure infra = TestInfrastructure.get();
    PGSimpleDataSource db = new PGSimpleDataSource();
    db.setUrl(infra.database(name));
    db.setUser(infra.user());
    db.setPassword(infra.password());
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("drop schema public cascade");
      s.execute("create schema public");
    }
    return db;
  }
}
