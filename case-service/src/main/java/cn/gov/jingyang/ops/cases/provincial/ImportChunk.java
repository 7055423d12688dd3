package cn.gov.jingyang.ops.cases.provincial;

import cn.gov.jingyang.ops.cases.routing.RoutingTable;
import cn.gov.jingyang.ops.cases.verification.SourceRef;
import cn.gov.jingyang.ops.platform.config.PlatformConfig;
import cn.gov.jingyang.ops.platform.correlation.TraceContext;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import cn.gov.jingyang.ops.platform.outbox.OutboxAppend;
import cn.gov.jingyang.ops.platform.pii.PersonalData;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes one chunk of a list in the caller's transaction, set-based: COPY of the valid rows into a
 * temporary staging table, then one INSERT ... SELECT of the new tasks (ON CONFLICT on the open
 * task per ID number), one of the sources added to open tasks (ON CONFLICT on the source key), one
 * INSERT ... SELECT of their events into the outbox, and the batch's progress. Idempotent: a person
 * whose source of this batch exists is skipped, so a chunk written twice creates nothing twice.
 *
 * <p>No ID number or phone reaches the database in clear, not even the staging table: each row is
 * staged with its ID number and phone sealed, the lookup (keyed hash) of its ID number — what
 * de-duplicates, finds the open task and keys the source — and the masked number its event shows.
 */
@ApplicationScoped
public class ImportChunk {

  /** What one chunk did. */
  public record Counts(long created, long sourcesAdded, long duplicates, long unroutable) {}

  /** Rows of COPY text sent to the database at a time. */
  private static final int ROWS_PER_WRITE = 1000;

  /** A valid row with the gazetteer code its town resolved to (null: district queue). */
  public record Staged(ListRow row, String townCode) {}

  private final DataSource dataSource;
  private final Outbox outbox;
  private final PlatformConfig platform;
  private final RoutingTable routing;
  private final PersonalDataSealing sealing;

  public ImportChunk(
      DataSource dataSource,
      Outbox outbox,
      PlatformConfig platform,
      RoutingTable routing,
      PersonalDataSealing sealing) {
    this.dataSource = dataSource;
    this.outbox = outbox;
    this.platform = platform;
    this.routing = routing;
    this.sealing = sealing;
  }

  /** Must run inside a transaction (the caller's, one per chunk). */
  public Counts write(
      String batchId, List<Staged> rows, OffsetDateTime dueAt, OffsetDateTime now, String by)
      throws SQLException, IOException {
    try (Connection c = dataSource.getConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute(
            "create temp table provincial_stage (line bigint, person_name text, id_number text,"
                + " id_lookup text, id_masked text, phone text, address text, town text,"
                + " town_code text, detail text) on commit drop");
      }
      copy(c, rows, sealing);
      execute(c, "analyze provincial_stage"); // temporary tables have no statistics otherwise
      String keyPrefix = SourceRef.provincialKeyPrefix(batchId);
      try (PreparedStatement first =
          c.prepareStatement(
              "create temp table provincial_first on commit drop as"
                  + " select distinct on (s.id_lookup) s.* from provincial_stage s"
                  + " where not exists (select 1 from verification_task_source v"
                  + "   where v.source_key = ? || s.id_lookup)"
                  + " order by s.id_lookup, s.line")) {
        first.setString(1, keyPrefix);
        first.execute();
      }
      execute(c, "create unique index on provincial_first (id_lookup)");
      execute(c, "analyze provincial_first");
      // the new tasks are routed below: a town moving meanwhile waits, then takes them along
      routing.lockTowns(rows.stream().map(Staged::townCode).filter(Objects::nonNull).toList());
      long firsts = count(c, "select count(*) from provincial_first");
      execute(
          c,
          "create temp table provincial_effect (task_id uuid primary key, effect text)"
              + " on commit drop");
      try (PreparedStatement created =
          c.prepareStatement(
              "with created as ("
                  + " insert into verification_task (id_number, id_number_lookup, person_name, phone,"
                  + "   address, town, town_code, station_unit_id, first_source, due_at, created_by)"
                  + " select f.id_number, f.id_lookup, f.person_name, f.phone, f.address, f.town,"
                  + "   f.town_code, r.station_unit_id, 'PROVINCIAL_LIST', ?, ?"
                  + " from provincial_first f left join routing_town r on r.town_code = f.town_code"
                  + " order by f.line"
                  + " on conflict (id_number_lookup) where status <> 'COMPLETED' do nothing"
                  + " returning id, id_number_lookup),"
                  + " src as ("
                  + " insert into verification_task_source (task_id, kind, source_key, batch_id,"
                  + "   detail, added_by)"
                  + " select c.id, 'PROVINCIAL_LIST', ? || c.id_number_lookup, ?, f.detail, ?"
                  + " from created c join provincial_first f on f.id_lookup = c.id_number_lookup)"
                  + " insert into provincial_effect (task_id, effect)"
                  + " select id, 'CREATED' from created")) {
        created.setObject(1, dueAt);
        created.setString(2, by);
        created.setString(3, keyPrefix);
        created.setString(4, batchId);
        created.setString(5, by);
        created.executeUpdate();
      }
      try (PreparedStatement added =
          c.prepareStatement(
              "with added as ("
                  + " insert into verification_task_source (task_id, kind, source_key, batch_id,"
                  + "   detail, added_by)"
                  + " select t.id, 'PROVINCIAL_LIST', ? || f.id_lookup, ?, f.detail, ?"
                  + " from provincial_first f join verification_task t"
                  + "   on t.id_number_lookup = f.id_lookup and t.status <> 'COMPLETED'"
                  + " where not exists (select 1 from provincial_effect e where e.task_id = t.id)"
                  + " on conflict (source_key) do nothing"
                  + " returning task_id),"
                  + " sooner as ("
                  + " update verification_task t set due_at = least(t.due_at, ?),"
                  + "   version = t.version + 1"
                  + " from added a where t.id = a.task_id returning t.id)"
                  + " insert into provincial_effect (task_id, effect)"
                  + " select id, 'SOURCE_ADDED' from sooner")) {
        added.setString(1, keyPrefix);
        added.setString(2, batchId);
        added.setString(3, by);
        added.setObject(4, dueAt);
        added.executeUpdate();
      }
      execute(c, "analyze provincial_effect");
      long created = count(c, "select count(*) from provincial_effect where effect = 'CREATED'");
      long sourcesAdded =
          count(c, "select count(*) from provincial_effect where effect <> 'CREATED'");
      long unroutable =
          count(
              c,
              "select count(*) from provincial_effect e join verification_task t on t.id = e.task_id"
                  + " where e.effect = 'CREATED' and t.station_unit_id is null");
      appendEvents(c, batchId, now, by);
      return new Counts(created, sourcesAdded, rows.size() - firsts, unroutable);
    }
  }

  /**
   * The rows with their ID numbers and phones sealed: never in clear, not even when staged. Sent in
   * pieces of {@value #ROWS_PER_WRITE} rows, so a chunk's COPY text (sealed values make it about
   * three times the list's) is never held whole.
   */
  private static void copy(Connection c, List<Staged> rows, PersonalDataSealing sealing)
      throws SQLException {
    CopyIn in =
        c.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn(
                "copy provincial_stage (line, person_name, id_number, id_lookup, id_masked, phone,"
                    + " address, town, town_code, detail) from stdin");
    try {
      StringBuilder text = new StringBuilder(ROWS_PER_WRITE * 400);
      int inText = 0;
      for (Staged s : rows) {
        ListRow r = s.row();
        text.append(r.line()).append('\t');
        field(text, r.name()).append('\t');
        field(text, sealing.seal(r.idNumber())).append('\t');
        field(text, sealing.lookup(r.idNumber())).append('\t');
        field(text, PersonalData.maskIdNumber(r.idNumber())).append('\t');
        field(text, sealing.seal(r.phone())).append('\t');
        field(text, r.address()).append('\t');
        field(text, r.town()).append('\t');
        field(text, s.townCode()).append('\t');
        field(text, detail(r)).append('\n');
        if (++inText == ROWS_PER_WRITE) {
          write(in, text);
          inText = 0;
        }
      }
      write(in, text);
      in.endCopy();
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
  }

  private static void write(CopyIn in, StringBuilder text) throws SQLException {
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    in.writeToCopy(bytes, 0, bytes.length);
    text.setLength(0);
  }

  /** What the list said about the person, as the source's detail. */
  private static String detail(ListRow r) {
    if (r.listedAt() == null) {
      return r.reason();
    }
    return "listed " + r.listedAt() + (r.reason() == null ? "" : ": " + r.reason());
  }

  /** COPY text format: \N for null; backslash, tab, newline and carriage return escaped. */
  private static StringBuilder field(StringBuilder out, String value) {
    if (value == null) {
      return out.append("\\N");
    }
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      switch (ch) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(ch);
      }
    }
    return out;
  }

  /**
   * One INSERT ... SELECT per kind of event: VerificationTaskCreated per new task and
   * VerificationTaskSourceAdded per source added, the same CloudEvents the Outbox bean writes
   * (contracts/events/case). Taken last, under the outbox's append lock, as Outbox does.
   */
  private void appendEvents(Connection c, String batchId, OffsetDateTime now, String by)
      throws SQLException {
    OutboxAppend.lock(c);
    String source =
        "jsonb_build_object('kind', 'PROVINCIAL_LIST', 'inspectionId', null, 'occupantId', null,"
            + " 'batchId', s.batch_id, 'detail', s.detail)";
    String created =
        "jsonb_build_object('taskId', t.id, 'personName', t.person_name, 'idNumber',"
            + " f.id_masked, 'town', t.town,"
            + " 'townCode', t.town_code, 'stationUnitId', t.station_unit_id, 'routed',"
            + " t.station_unit_id is not null, 'source', "
            + source
            + ", 'dueAt', t.due_at, 'createdAt', t.created_at, 'createdBy', t.created_by)";
    String added =
        "jsonb_build_object('taskId', t.id, 'source', "
            + source
            + ", 'dueAt', t.due_at, 'addedAt', s.added_at, 'addedBy', s.added_by)";
    insertEvents(c, "CREATED", "VerificationTaskCreated", created, batchId, now);
    insertEvents(c, "SOURCE_ADDED", "VerificationTaskSourceAdded", added, batchId, now);
  }

  private void insertEvents(
      Connection c,
      String effect,
      String eventName,
      String data,
      String batchId,
      OffsetDateTime now)
      throws SQLException {
    String type = outbox.eventType(eventName);
    try (PreparedStatement insert =
        c.prepareStatement(
            "insert into outbox (event_id, topic, aggregate_type, aggregate_id, event_type, event,"
                + " occurred_at, correlation_id, traceparent)"
                + " select e.eid, ?, 'VerificationTask', t.id::text, ?,"
                + "   jsonb_strip_nulls(jsonb_build_object('specversion', '1.0', 'id', e.eid,"
                + "     'source', ?, 'type', ?, 'subject', t.id::text, 'time', ?::timestamptz,"
                + "     'datacontenttype', 'application/json', 'traceparent', ?::text,"
                + "     'correlationid', ?::text))"
                + "   || jsonb_build_object('data', "
                + data
                + "), ?, ?, ?"
                + " from (select gen_random_uuid() as eid, task_id from provincial_effect"
                + "   where effect = ?) e"
                + " join verification_task t on t.id = e.task_id"
                + " join provincial_first f on f.id_lookup = t.id_number_lookup"
                + " join verification_task_source s on s.task_id = t.id"
                + "   and s.source_key = ? || f.id_lookup"
                + " order by t.id")) {
      int p = 0;
      insert.setString(++p, outbox.topic());
      insert.setString(++p, type);
      insert.setString(++p, "/jingyang/" + platform.serviceName());
      insert.setString(++p, type);
      insert.setObject(++p, now);
      insert.setString(++p, TraceContext.traceparent());
      insert.setString(++p, TraceContext.correlationId());
      insert.setObject(++p, now);
      insert.setString(++p, TraceContext.correlationId());
      insert.setString(++p, TraceContext.traceparent());
      insert.setString(++p, effect);
      insert.setString(++p, SourceRef.provincialKeyPrefix(batchId));
      insert.executeUpdate();
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
