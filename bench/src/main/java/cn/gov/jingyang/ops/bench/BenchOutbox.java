package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.platform.outbox.OutboxAppend;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The outbox table of the benchmark database: measured events appended through {@link
 * OutboxAppend}, all bound for one topic, and the table emptied before each run.
 */
final class BenchOutbox {

  static final String TOPIC = "bench.events";

  private final DataSource dataSource;

  BenchOutbox(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** Appends rows, each in its own committed transaction when {@code key} is given. */
  List<String> append(int count, String key) throws Exception {
    return append(count, key, 20);
  }

  List<String> append(int count, String key, int aggregates) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      for (int i = 0; i < count; i++) {
        UUID id = UUID.randomUUID();
        String aggregate = key != null ? key : "aggregate-" + (i % aggregates);
        String event =
            "{\"specversion\":\"1.0\",\"id\":\""
                + id
                + "\",\"source\":\"/jingyang/bench\","
                + "\"type\":\"cn.gov.jingyang.bench.Measured\",\"subject\":\""
                + aggregate
                + "\",\"data\":{\"n\":"
                + i
                + "}}";
        OutboxAppend.append(
            c,
            new OutboxAppend.NewRow(
                id,
                TOPIC,
                "Bench",
                aggregate,
                "cn.gov.jingyang.bench.Measured",
                event,
                OffsetDateTime.now(),
                null,
                null));
        if (key != null) {
          c.commit();
        }
        ids.add(id.toString());
      }
      c.commit();
    }
    return ids;
  }

  void truncate() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.createStatement().execute("truncate outbox, outbox_pending");
    }
  }
}
