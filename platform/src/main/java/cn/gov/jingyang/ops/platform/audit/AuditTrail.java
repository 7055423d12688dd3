package cn.gov.jingyang.ops.platform.audit;

import cn.gov.jingyang.ops.platform.paging.LikePattern;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.platform.transaction.TransactionLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * The {@code audit_trail} table: appends chained rows, lists them, verifies the chain. Appends take
 * a transaction-level advisory lock, so each row is chained to the one committed before it.
 */
@ApplicationScoped
public class AuditTrail {

  /** The lock that serialises appends, so each row is chained to the one committed before it. */
  static final String APPEND_LOCK = "audit-trail-append";

  private static final String COLUMNS =
      "id, recorded_at, actor, roles, unit, subject, fields, purpose, request_id, previous_hash,"
          + " hash";

  /** What a request disclosed, to be recorded. */
  public record Disclosure(
      String actor,
      List<String> roles,
      String unit,
      String subject,
      List<String> fields,
      String purpose,
      String requestId) {}

  /** Filters of a listing; null means any. */
  public record Filter(String actor, String subject, OffsetDateTime from, OffsetDateTime to) {}

  private final DataSource dataSource;

  public AuditTrail(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Appends one row in a transaction of its own, committed when this returns. */
  public AuditRecord append(Disclosure d) {
    return QuarkusTransaction.requiringNew().call(() -> appendOn(d));
  }

  private AuditRecord appendOn(Disclosure d) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      TransactionLock.take(c, APPEND_LOCK);
      String previous = AuditChain.GENESIS;
      try (PreparedStatement last =
              c.prepareStatement("select hash from audit_trail order by id desc limit 1");
          ResultSet rs = last.executeQuery()) {
        if (rs.next()) {
          previous = rs.getString(1);
        }
      }
      long id;
      try (PreparedStatement next =
              c.prepareStatement("select nextval(pg_get_serial_sequence('audit_trail', 'id'))");
          ResultSet rs = next.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
      AuditRecord unhashed =
          new AuditRecord(
              id,
              now,
              d.actor(),
              d.roles(),
              d.unit(),
              d.subject(),
              d.fields(),
              d.purpose(),
              d.requestId(),
              previous,
              null);
      AuditRecord row = withHash(unhashed, AuditChain.hash(unhashed));
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into audit_trail ("
                  + COLUMNS
                  + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setLong(1, row.id());
        insert.setObject(2, row.recordedAt());
        insert.setString(3, row.actor());
        insert.setArray(4, c.createArrayOf("text", row.roles().toArray()));
        insert.setString(5, row.unit());
        insert.setString(6, row.subject());
        insert.setArray(7, c.createArrayOf("text", row.fields().toArray()));
        insert.setString(8, row.purpose());
        insert.setString(9, row.requestId());
        insert.setString(10, row.previousHash());
        insert.setString(11, row.hash());
        insert.executeUpdate();
      }
      return row;
    }
  }

  /** A page of rows matching the filter, newest first. */
  public Page<AuditRecord> list(Filter f, PageRequest page) throws SQLException {
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder(" where true");
    if (f.actor() != null && !f.actor().isBlank()) {
      where.append(" and actor = ?");
      params.add(f.actor().trim());
    }
    if (f.subject() != null && !f.subject().isBlank()) {
      where.append(" and subject like ? ").append(LikePattern.ESCAPE);
      params.add(LikePattern.containing(f.subject().trim()));
    }
    if (f.from() != null) {
      where.append(" and recorded_at >= ?");
      params.add(f.from());
    }
    if (f.to() != null) {
      where.append(" and recorded_at < ?");
      params.add(f.to());
    }
    try (Connection c = dataSource.getConnection()) {
      long total;
      try (PreparedStatement count =
          c.prepareStatement("select count(*) from audit_trail" + where)) {
        bind(count, params);
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          total = rs.getLong(1);
        }
      }
      List<AuditRecord> items = new ArrayList<>();
      try (PreparedStatement select =
          c.prepareStatement(
              "select "
                  + COLUMNS
                  + " from audit_trail"
                  + where
                  + " order by id desc limit ? offset ?")) {
        bind(select, params);
        select.setInt(params.size() + 1, page.size());
        select.setInt(params.size() + 2, page.offset());
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            items.add(read(rs));
          }
        }
      }
      return Page.of(items, page, total);
    }
  }

  /** Walks the whole trail in order: each row must link to the previous one and hash to itself. */
  public ChainVerification verify() throws SQLException {
    return QuarkusTransaction.requiringNew().call(this::verifyOn);
  }

  private ChainVerification verifyOn() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("select " + COLUMNS + " from audit_trail order by id")) {
      select.setFetchSize(1_000);
      String previous = AuditChain.GENESIS;
      long checked = 0;
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          AuditRecord row = read(rs);
          checked++;
          if (!previous.equals(row.previousHash()) || !AuditChain.hash(row).equals(row.hash())) {
            return new ChainVerification(false, checked, row.id());
          }
          previous = row.hash();
        }
      }
      return new ChainVerification(true, checked, null);
    }
  }

  private static void bind(PreparedStatement s, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      s.setObject(i + 1, params.get(i));
    }
  }

  private static AuditRecord read(ResultSet rs) throws SQLException {
    return new AuditRecord(
        rs.getLong("id"),
        rs.getObject("recorded_at", OffsetDateTime.class),
        rs.getString("actor"),
        texts(rs.getArray("roles")),
        rs.getString("unit"),
        rs.getString("subject"),
        texts(rs.getArray("fields")),
        rs.getString("purpose"),
        rs.getString("request_id"),
        rs.getString("previous_hash"),
        rs.getString("hash"));
  }

  private static List<String> texts(Array array) throws SQLException {
    return array == null ? null : Arrays.asList((String[]) array.getArray());
  }

  private static AuditRecord withHash(AuditRecord r, String hash) {
    return new AuditRecord(
        r.id(),
        r.recordedAt(),
        r.actor(),
        r.roles(),
        r.unit(),
        r.subject(),
        r.fields(),
        r.purpose(),
        r.requestId(),
        r.previousHash(),
        hash);
  }
}
