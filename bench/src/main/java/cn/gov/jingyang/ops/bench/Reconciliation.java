package cn.gov.jingyang.ops.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The fault run's checks against the databases (JDBC): what the load was told was stored is stored,
 * and what follows from it (tasks, cases, duty intervals, statistics) is there exactly once. Each
 * check is a row of the report: how many things it looked at, how many did not match.
 */
final class Reconciliation {

  record Check(String name, long checked, long mismatches, String note) {}

  private final List<Check> checks = new ArrayList<>();

  List<Check> checks() {
    return checks;
  }

  void add(String name, long checked, long mismatches, String note) {
    checks.add(new Check(name, checked, mismatches, note));
  }

  long mismatches() {
    return checks.stream().mapToLong(Check::mismatches).sum();
  }

  /** The checks of checkpoint-service's and case-service's data. */
  void checkpointAndCase(FaultLoad load, Connection checkpoint, Connection cases)
      throws SQLException {
    long stored =
        count(
            checkpoint,
            "select count(*) from inspection where client_record_id = any(?)",
            uuids(checkpoint, load.inspections));
    add(
        "acknowledged inspections stored (by client record id)",
        load.inspections.size(),
        load.inspections.size() - stored,
        "");

    Set<String> flagged = strings(checkpoint, "select id::text from occupant where flagged");
    Map<String, Long> sources =
        counts(
            cases,
            "select occupant_id::text, count(distinct task_id) from verification_task_source"
                + " where kind = 'CHECKPOINT_FLAG' group by occupant_id");
    long missing = flagged.stream().filter(o -> !sources.containsKey(o)).count();
    long more = sources.values().stream().filter(n -> n != 1).count();
    long unknown = sources.keySet().stream().filter(o -> !flagged.contains(o)).count();
    add(
        "flagged occupants with exactly one verification task",
        flagged.size(),
        missing + more + unknown,
        missing
            + " without a task, "
            + more
            + " with more than one, "
            + unknown
            + " tasks of no flag");

    long concealedTasks =
        count(cases, "select count(*) from verification_task where outcome = 'CONCEALED_EXPOSURE'");
    long concealedWrong =
        count(
                cases,
                "select count(*) from verification_task t where t.outcome = 'CONCEALED_EXPOSURE' and"
                    + " (select count(*) from case_file c where c.linked_task_id = t.id) <> 1")
            + count(
                cases,
                "select count(*) from case_file c join verification_task t on t.id = c.linked_task_id"
                    + " where t.outcome is distinct from 'CONCEALED_EXPOSURE'");
    add("CONCEALED_EXPOSURE outcomes with exactly one case", concealedTasks, concealedWrong, "");

    long completionsWrong = 0;
    try (PreparedStatement q =
        cases.prepareStatement(
            "select count(*) from verification_task where id = ? and status = 'COMPLETED' and outcome = ?")) {
      for (Map.Entry<UUID, String> e : load.completions.entrySet()) {
        q.setObject(1, e.getKey());
        q.setString(2, e.getValue());
        completionsWrong += single(q) == 1 ? 0 : 1;
      }
    }
    add(
        "acknowledged verification completions stored",
        load.completions.size(),
        completionsWrong,
        "");

    long casesWrong = 0;
    try (PreparedStatement q =
        cases.prepareStatement("select count(*) from case_file where id = ? and status = ?")) {
      for (Map.Entry<UUID, String> e : load.cases.entrySet()) {
        q.setObject(1, e.getKey());
        q.setString(2, e.getValue());
        casesWrong += single(q) == 1 ? 0 : 1;
      }
    }
    add("acknowledged case transitions stored (last status)", load.cases.size(), casesWrong, "");

    if (load.importBatch != null) {
      long ok =
          count(
              cases,
              "select count(*) from provincial_import where batch_id = '"
                  + load.importBatch
                  + "' and status = 'COMPLETED' and rows_read = "
                  + load.importRows
                  + " and bad_rows = 0");
      long listed =
          count(
              cases,
              "select count(distinct source_key) from verification_task_source where batch_id = '"
                  + load.importBatch
                  + "'");
      add(
          "provincial import completed, every row a task source once",
          load.importRows,
          (load.importAcknowledged ? 0 : 1)
              + (ok == 1 ? 0 : 1)
              + Math.abs(load.importRows - listed),
          listed
              + " sources of "
              + load.importRows
              + " rows, acknowledged "
              + load.importAcknowledged);
    }

    long dayRows = count(checkpoint, "select count(*) from daily_statistics");
    long dayWrong =
        count(
            checkpoint,
            """
            select count(*) from daily_statistics d full join (
              select i.checkpoint_id, i.day, count(distinct i.id) inspections, count(o.id) persons,
                count(o.id) filter (where o.flagged) flagged,
                count(o.id) filter (where o.result = 'CLEARED') cleared,
                count(o.id) filter (where o.result = 'REFERRED_TO_HEALTH') referred,
                count(o.id) filter (where o.result = 'HOME_QUARANTINE') quarantine,
                count(o.id) filter (where o.result = 'TURNED_BACK') turned
              from inspection i left join occupant o on o.inspection_id = i.id
              group by i.checkpoint_id, i.day) r using (checkpoint_id, day)
            where d.inspections is distinct from r.inspections or d.persons is distinct from r.persons
              or d.flagged is distinct from r.flagged or d.cleared is distinct from r.cleared
              or d.referred_to_health is distinct from r.referred
              or d.home_quarantine is distinct from r.quarantine
              or d.turned_back is distinct from r.turned""");
    add(
        "daily statistics equal a recount from inspections (checkpoint-days)",
        dayRows,
        dayWrong,
        "inspections, persons, flagged and each result; vehicles not recounted");
  }

  /** Shifts and duty: checkpoint-service's acknowledged shifts, personnel-service's ledger. */
  void shiftsAndDuty(FaultLoad load, Connection checkpoint, Connection personnel)
      throws SQLException {
    long shiftsWrong = 0;
    List<UUID> ended = new ArrayList<>();
    try (PreparedStatement q =
        checkpoint.prepareStatement(
            "select count(*) from shift where id = ? and (? = 'SCHEDULED' or started_at is not null)"
                + " and (? <> 'ENDED' or ended_at is not null)")) {
      for (Map.Entry<UUID, String> e : load.shifts.entrySet()) {
        q.setObject(1, e.getKey());
        q.setString(2, e.getValue());
        q.setString(3, e.getValue());
        shiftsWrong += single(q) == 1 ? 0 : 1;
        if (e.getValue().equals("ENDED")) {
          ended.add(e.getKey());
        }
      }
    }
    add(
        "acknowledged shifts stored (scheduled, started, ended)",
        load.shifts.size(),
        shiftsWrong,
        "");

    long members = 0;
    long intervalsWrong = 0;
    try (PreparedStatement q =
            checkpoint.prepareStatement(
                "select m.person_id, s.started_at, s.ended_at from shift s join shift_member m"
                    + " on m.shift_id = s.id where s.id = any(?)");
        PreparedStatement i =
            personnel.prepareStatement(
                "select count(*) from duty_interval where person_id = ? and start_at = ? and end_at = ?")) {
      q.setArray(1, uuids(checkpoint, ended));
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          members++;
          i.setObject(1, rs.getObject(1));
          i.setObject(2, rs.getObject(2, java.time.OffsetDateTime.class));
          i.setObject(3, rs.getObject(3, java.time.OffsetDateTime.class));
          intervalsWrong += single(i) == 1 ? 0 : 1;
        }
      }
    }
    add(
        "members of ended shifts with exactly one duty interval of that shift (personnel)",
        members,
        intervalsWrong,
        "the duty ledger the streaks are computed from");

    long dutyWrong = 0;
    try (PreparedStatement q =
        personnel.prepareStatement(
            "select count(*) from duty_status_change where person_id = ? and effective_from = ? and status = ?")) {
      for (FaultLoad.DutyChange d : load.duty) {
        q.setObject(1, d.personId());
        q.setObject(2, d.from());
        q.setString(3, d.status());
        dutyWrong += single(q) == 1 ? 0 : 1;
      }
    }
    add("acknowledged duty-status changes stored exactly once", load.duty.size(), dutyWrong, "");
  }

  /** Rows of the outbox not yet published. */
  static long unpublished(Connection db) throws SQLException {
    return count(db, "select count(*) from outbox_pending");
  }

  static Set<String> strings(Connection db, String sql) throws SQLException {
    Set<String> out = new HashSet<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static Map<String, Long> counts(Connection db, String sql) throws SQLException {
    Map<String, Long> out = new java.util.HashMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    return out;
  }

  static long count(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long count(Connection db, String sql, Array parameter) throws SQLException {
    try (PreparedStatement q = db.prepareStatement(sql)) {
      q.setArray(1, parameter);
      return single(q);
    }
  }

  private static long single(PreparedStatement q) throws SQLException {
    try (ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Array uuids(Connection db, Collection<UUID> ids) throws SQLException {
    return db.createArrayOf("uuid", ids.toArray());
  }
}
