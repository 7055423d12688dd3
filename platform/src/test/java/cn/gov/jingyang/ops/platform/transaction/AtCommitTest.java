package cn.gov.jingyang.ops.platform.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes at commit: made once per transaction with everything it collected, EARLY ones before LAST
 * ones whatever order they were first used in, never when the transaction rolls back, and a failing
 * one rolls the whole transaction back.
 */
@QuarkusTest
class AtCommitTest {

  @Inject AtCommit atCommit;
  @Inject DataSource dataSource;

  private String run;

  /** Writes the names it collected as rows of at_commit_note, in one statement. */
  abstract static class Notes implements AtCommit.Writes {
    final List<String> names = new ArrayList<>();
    String run;
    boolean refuse;
    int committed;

    @Override
    public void write(Connection c) throws SQLException {
      if (refuse) {
        throw new SQLException("refused", "23514");
      }
      for (String name : names) {
        try (PreparedStatement insert =
            c.prepareStatement("insert into at_commit_note (run, name) values (?, ?)")) {
          insert.setString(1, run);
          insert.setString(2, name);
          insert.executeUpdate();
        }
      }
    }

    @Override
    public void committed() {
      committed++;
    }
  }

  static final class Early extends Notes {}

  static final class Last extends Notes {}

  @BeforeEach
  void aTable() throws SQLException {
    run = UUID.randomUUID().toString();
    try (Connection c = dataSource.getConnection();
        PreparedStatement create =
            c.prepareStatement(
                "create table if not exists at_commit_note (seq bigserial primary key,"
                    + " run text not null, name text not null)")) {
      create.execute();
    }
  }

  private <W extends Notes> W pending(Class<W> kind, AtCommit.Order order, W fresh) {
    fresh.run = run;
    return atCommit.pending(kind, order, "write notes", () -> fresh);
  }

  /** Runs {@code body} in a transaction of its own, committed when it returns. */
  private static ThrowingCallable inTransaction(Runnable body) {
    return () -> QuarkusTransaction.requiringNew().run(body);
  }

  private List<String> notes() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("select name from at_commit_note where run = ? order by seq")) {
      select.setString(1, run);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }

  @Test
  void earlyWritesAreMadeBeforeLastOnesAndEachKindOnceWithAllItCollected() throws Exception {
    List<Notes> used = new ArrayList<>();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Last last = pending(Last.class, AtCommit.Order.LAST, new Last());
              last.names.add("last 1");
              Early early = pending(Early.class, AtCommit.Order.EARLY, new Early());
              early.names.add("early 1");
              // the same object again, not a second registration
              pending(Last.class, AtCommit.Order.LAST, new Last()).names.add("last 2");
              pending(Early.class, AtCommit.Order.EARLY, new Early()).names.add("early 2");
              used.add(early);
              used.add(last);
            });

    assertThat(notes()).containsExactly("early 1", "early 2", "last 1", "last 2");
    assertThat(used).extracting(n -> n.committed).containsExactly(1, 1);
  }

  @Test
  void nothingIsWrittenWhenTheTransactionRollsBack() throws Exception {
    List<Notes> used = new ArrayList<>();
    assertThatThrownBy(
            inTransaction(
                () -> {
                  Last last = pending(Last.class, AtCommit.Order.LAST, new Last());
                  last.names.add("never");
                  used.add(last);
                  throw new IllegalArgumentException("the request's own rule");
                }))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(notes()).isEmpty();
    assertThat(used.get(0).committed).isZero();
  }

  @Test
  void aFailingWriteRollsBackTheWholeTransaction() throws Exception {
    List<Notes> used = new ArrayList<>();
    assertThatThrownBy(
            inTransaction(
                () -> {
                  Early early = pending(Early.class, AtCommit.Order.EARLY, new Early());
                  early.names.add("written, then rolled back");
                  Last last = pending(Last.class, AtCommit.Order.LAST, new Last());
                  last.names.add("refused");
                  last.refuse = true;
                  used.add(early);
                  used.add(last);
                }))
        .hasStackTraceContaining("could not write notes; the transaction rolls back");

    assertThat(notes()).isEmpty();
    assertThat(used).extracting(n -> n.committed).containsExactly(0, 0);
  }

  /** A LAST write that adds to the EARLY ones: too late, they were made. */
  final class Late extends Notes {
    @Override
    public void write(Connection c) {
      pending(Early.class, AtCommit.Order.EARLY, new Early()).names.add("too late");
    }
  }

  @Test
  void addingToWritesAlreadyMadeFailsTheCommit() throws Exception {
    assertThatThrownBy(
            inTransaction(
                () -> {
                  pending(Early.class, AtCommit.Order.EARLY, new Early()).names.add("a");
                  pending(Late.class, AtCommit.Order.LAST, new Late());
                }))
        .hasStackTraceContaining("could not write notes: already written at commit");

    assertThat(notes()).isEmpty();
  }
}
