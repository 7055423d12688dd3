package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.infra.ServiceCatalog;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * P6's data set, written set-based with SQL straight into the services' databases (not through
 * their APIs, which would take hours on this host): 1,000,000 inspections (1–2 occupants each, 5 %
 * flagged) over the 30 district days up to {@code lastDay} at the checkpoints already there, their
 * daily statistics as the service keeps them; 100,000 verification tasks over 20 stations (60 %
 * completed); 2,000 people in 20 stations with 5 duty-status changes each and 50 open fatigue
 * alerts. Statistics are then analyzed, as autovacuum would.
 */
final class SituationData {

  /**
   * One sealed ID number and phone (the stack's development keys) for every synthetic row: the
   * services store personal data only sealed, and the situation report does not read it. Lookups
   * are distinct per row (an open task per person is unique by its lookup).
   */
  private static final PersonalDataSealing SEALING =
      PersonalDataSealing.of(
          PersonalDataSealing.DEVELOPMENT_KEYS, PersonalDataSealing.DEVELOPMENT_LOOKUP_KEY);

  private static final String SEALED_ID_NUMBER = SEALING.seal("510603199001011231");
  private static final String SEALED_PHONE = SEALING.seal("13900005678");

  static final int INSPECTIONS = 1_000_000;
  static final int TASKS = 100_000;
  static final int PEOPLE = 2_000;

  private SituationData() {}

  static void load(BenchStack stack, LocalDate lastDay) throws Exception {
    // 00:00 of the first day in Asia/Shanghai
    OffsetDateTime first = lastDay.minusDays(29).atStartOfDay().atOffset(ZoneOffset.ofHours(8));
    try (Connection c = stack.database(ServiceCatalog.CHECKPOINT)) {
      long started = System.nanoTime();
      exec(c, "set synchronous_commit = off");
      exec(
          c,
          "create temp table bench_cp as select id, (row_number() over (order by id) - 1)::int n"
              + " from checkpoint");
      try (PreparedStatement p =
          c.prepareStatement(
              "insert into inspection (id, client_record_id, checkpoint_id, inspected_at, day,"
                  + " direction, plate, vehicle_kind, inspector, recorded_by, occupant_count,"
                  + " flagged_count, created_at)"
                  + " select gen_random_uuid(), gen_random_uuid(), cp.id, t.at,"
                  + " (t.at at time zone 'Asia/Shanghai')::date,"
                  + " case when g % 2 = 0 then 'INBOUND' else 'OUTBOUND' end,"
                  + " case when g % 5 = 0 then null else '川F' || lpad((g % 100000)::text, 5, '0') end,"
                  + " case when g % 5 = 0 then 'PEDESTRIAN' else 'CAR' end,"
                  + " '张伟 051234', 'bench-p6', 1 + (g % 3 = 0)::int, (g % 20 = 0)::int, t.at"
                  + " from generate_series(1, ?) g"
                  + " join bench_cp cp on cp.n = g % (select count(*) from bench_cp)"
                  + " cross join lateral (select ?::timestamptz"
                  + " + ((g::bigint * 2592000) / ?) * interval '1 second' as at) t")) {
        p.setInt(1, INSPECTIONS);
        p.setObject(2, first);
        p.setInt(3, INSPECTIONS);
        p.executeUpdate();
      }
      exec(
          c,
          "insert into occupant (id, inspection_id, position, name, id_number, id_number_lookup,"
              + " phone, origin_province, origin_city, stayed_in_risk_area, temperature, symptoms,"
              + " destination_town, destination_address, result, flagged, flag_reasons)"
              + " select gen_random_uuid(), i.id, p, '王芳', '"
              + SEALED_ID_NUMBER
              + "', md5(i.id::text || p), '"
              + SEALED_PHONE
              + "', f.province, '某市', f.flagged, f.temperature,"
              + " case when f.flagged then '[\"FEVER\"]' else '[]' end::jsonb, '孝泉镇',"
              + " '孝泉镇民主村3组12号', case when f.flagged then 'HOME_QUARANTINE' else 'CLEARED' end,"
              + " f.flagged, case when f.flagged then '[\"FEVER\"]' else '[]' end::jsonb"
              + " from inspection i cross join generate_series(1, 2) p"
              + " cross join lateral (select i.flagged_count > 0 and p = 1 as flagged) fl"
              + " cross join lateral (select fl.flagged,"
              + " case when fl.flagged then '湖北省' else '四川省' end as province,"
              + " case when fl.flagged then 38.5 else 36.5 end as temperature) f"
              + " where p <= i.occupant_count and i.recorded_by = 'bench-p6'");
      exec(
          c,
          "insert into daily_statistics (checkpoint_id, day, inspections, vehicles, persons,"
              + " flagged, cleared, referred_to_health, home_quarantine, turned_back)"
              + " select checkpoint_id, day, count(*),"
              + " count(*) filter (where vehicle_kind <> 'PEDESTRIAN'), sum(occupant_count),"
              + " sum(flagged_count), sum(occupant_count - flagged_count), 0, sum(flagged_count), 0"
              + " from inspection where recorded_by = 'bench-p6' group by checkpoint_id, day"
              + " on conflict (checkpoint_id, day) do update set"
              + " inspections = daily_statistics.inspections + excluded.inspections,"
              + " vehicles = daily_statistics.vehicles + excluded.vehicles,"
              + " persons = daily_statistics.persons + excluded.persons,"
              + " flagged = daily_statistics.flagged + excluded.flagged,"
              + " cleared = daily_statistics.cleared + excluded.cleared,"
              + " home_quarantine = daily_statistics.home_quarantine + excluded.home_quarantine");
      exec(c, "analyze inspection");
      exec(c, "analyze occupant");
      exec(c, "analyze daily_statistics");
      ImportBenchmark.say("P6 checkpoint data loaded in %.0f s", seconds(started));
    }
    try (Connection c = stack.database(ServiceCatalog.CASE)) {
      long started = System.nanoTime();
      exec(c, "set synchronous_commit = off");
      exec(
          c,
          "insert into routing_unit (unit_id, code, name, kind)"
              + " select gen_random_uuid(), 'PS-S' || lpad(n::text, 2, '0'), '派出所' || n,"
              + " 'POLICE_STATION' from generate_series(1, 20) n");
      exec(
          c,
          "create temp table bench_station as select unit_id, (row_number() over (order by code)"
              + " - 1)::int n from routing_unit where code like 'PS-S%'");
      exec(
          c,
          "insert into verification_task (id_number, id_number_lookup, person_name, phone,"
              + " address, town, station_unit_id, status, first_source, due_at, assignee, outcome,"
              + " created_at, created_by, assigned_at, visited_at, completed_at, completed_by)"
              + " select '"
              + SEALED_ID_NUMBER
              + "', md5(g::text), '李四', '"
              + SEALED_PHONE
              + "', '孝泉镇民主村',"
              + " '孝泉镇', case when g % 21 = 0 then null else s.unit_id end, st.status,"
              + " case when g % 4 = 0 then 'PROVINCIAL_LIST' else 'CHECKPOINT_FLAG' end,"
              + " now() + ((g % 96) - 48) * interval '1 hour',"
              + " case when st.status <> 'PENDING' then 'officer.' || (g % 50) end,"
              + " case when st.status = 'COMPLETED' then 'NO_RISK' end,"
              + " now() - (g % 30) * interval '1 day', 'bench-p6',"
              + " case when st.status <> 'PENDING' then now() - interval '1 hour' end,"
              + " case when st.status in ('VISITED', 'COMPLETED') then now() end,"
              + " case when st.status = 'COMPLETED' then now() end,"
              + " case when st.status = 'COMPLETED' then 'officer.' || (g % 50) end"
              + " from generate_series(1, "
              + TASKS
              + ") g join bench_station s on s.n = g % 20"
              + " cross join lateral (select case when g % 10 < 6 then 'COMPLETED'"
              + " when g % 10 < 8 then 'PENDING' when g % 10 = 8 then 'ASSIGNED'"
              + " else 'VISITED' end as status) st");
      exec(c, "analyze verification_task");
      exec(c, "analyze routing_unit");
      ImportBenchmark.say("P6 case data loaded in %.0f s", seconds(started));
    }
    try (Connection c = stack.database(ServiceCatalog.PERSONNEL)) {
      long started = System.nanoTime();
      exec(c, "set synchronous_commit = off");
      exec(
          c,
          "insert into unit (id, code, name, kind) select gen_random_uuid(),"
              + " 'PS-S' || lpad(n::text, 2, '0'), '派出所' || n, 'POLICE_STATION'"
              + " from generate_series(1, 20) n");
      exec(
          c,
          "create temp table bench_unit as select id, (row_number() over (order by code) - 1)::int n"
              + " from unit where code like 'PS-S%'");
      exec(
          c,
          "insert into person (id, category, badge_number, name, unit_id, position, phone,"
              + " duty_status, duty_status_since)"
              + " select gen_random_uuid(), case when g % 3 = 0 then 'AUXILIARY_POLICE'"
              + " else 'POLICE_OFFICER' end, 'B' || lpad(g::text, 6, '0'), '警员' || g, u.id,"
              + " '民警', '"
              + SEALED_PHONE
              + "', 'AVAILABLE', now() - interval '30 days'"
              + " from generate_series(1, "
              + PEOPLE
              + ") g join bench_unit u on u.n = g % 20");
      // five changes per person over the last 30 days, ending in the status the person now has
      exec(
          c,
          "insert into duty_status_change (id, person_id, previous_status, status, reason,"
              + " effective_from, changed_by)"
              + " select gen_random_uuid(), p.id, 'AVAILABLE', (array['ON_DUTY', 'RESTING', 'ON_DUTY',"
              + " 'AVAILABLE', case when h % 20 = 0 then 'SICK' when h % 25 = 0 then 'ON_LEAVE'"
              + " when h % 50 = 0 then 'INJURED' else 'ON_DUTY' end])[k],"
              + " 'bench', now() - (30 - k * 5) * interval '1 day' - interval '1 hour', 'bench-p6'"
              + " from person p cross join lateral (select abs(hashtext(p.id::text)) h) x"
              + " cross join generate_series(1, 5) k where p.badge_number like 'B%'");
      exec(
          c,
          "update person p set duty_status = c.status, duty_status_since = c.effective_from"
              + " from duty_status_change c where c.person_id = p.id and c.changed_by = 'bench-p6'"
              + " and c.effective_from = (select max(effective_from) from duty_status_change d"
              + " where d.person_id = p.id)");
      exec(
          c,
          "insert into fatigue_alert (id, person_id, streak_started_on, days_at_raise, raised_at)"
              + " select gen_random_uuid(), id, current_date - 8, 7, now() - interval '1 day'"
              + " from person where badge_number like 'B%' order by badge_number limit 50");
      exec(c, "analyze");
      ImportBenchmark.say("P6 personnel data loaded in %.0f s", seconds(started));
    }
  }

  private static void exec(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }
}
