package cn.gov.jingyang.ops.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * P1's baseline: a plain JDBC batch insert (PreparedStatement.addBatch, driver defaults, one commit
 * per batch) of the same rows into copies of the inspection and occupant tables with the same
 * columns, constraints and indexes ({@code like … including all}) in the same database — no
 * validation, no statistics, no events.
 */
final class RawInspectionInsert {

  private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");

  private final DataSource db;

  RawInspectionInsert(DataSource db) {
    this.db = db;
  }

  void reset() throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("create table if not exists raw_inspection (like inspection including all)");
      s.execute("create table if not exists raw_occupant (like occupant including all)");
      s.execute("truncate raw_inspection, raw_occupant");
    }
  }

  void insert(List<InspectionLoad.Record> records) throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement i =
              c.prepareStatement(
                  "insert into raw_inspection (id, client_record_id, checkpoint_id, inspected_at, day,"
                      + " direction, plate, vehicle_kind, inspector, recorded_by, occupant_count,"
                      + " flagged_count, created_at, inspector_agency)"
                      + " values (?, ?, ?, ?, ?, 'INBOUND', ?, 'CAR', '张伟 051234', 'bench', ?, ?,"
                      + " now(), '旌阳区卫生健康局')");
          PreparedStatement o =
              c.prepareStatement(
                  "insert into raw_occupant (id, inspection_id, position, name, id_number, phone,"
                      + " origin_province, origin_city, stayed_in_risk_area, temperature, symptoms,"
                      + " destination_town, destination_town_code, destination_town_resolution,"
                      + " destination_address, result, flagged, flag_reasons)"
                      + " values (?, ?, ?, ?, ?, ?, '四川省', '德阳市', false, ?::numeric, '[]',"
                      + " '孝泉镇', '510603106', 'RESOLVED', '孝泉镇民主村3组12号', ?, ?, ?::jsonb)")) {
        for (InspectionLoad.Record r : records) {
          UUID id = UUID.randomUUID();
          i.setObject(1, id);
          i.setObject(2, r.clientRecordId());
          i.setObject(3, r.checkpointId());
          i.setTimestamp(4, Timestamp.from(r.inspectedAt().toInstant()));
          i.setObject(5, r.inspectedAt().atZoneSameInstant(DISTRICT).toLocalDate());
          i.setString(6, r.plate());
          i.setInt(7, r.occupants().size());
          i.setInt(
              8, (int) r.occupants().stream().filter(InspectionLoad.Occupant::flagged).count());
          i.addBatch();
          int position = 0;
          for (InspectionLoad.Occupant p : r.occupants()) {
            o.setObject(1, UUID.randomUUID());
            o.setObject(2, id);
            o.setInt(3, position++);
            o.setString(4, p.name());
            o.setString(5, p.idNumber());
            o.setString(6, p.phone());
            o.setString(7, p.temperature());
            o.setString(8, p.result());
            o.setBoolean(9, p.flagged());
            o.setString(10, p.flagged() ? "[\"FEVER\"]" : "[]");
            o.addBatch();
          }
        }
        i.executeBatch();
        o.executeBatch();
      }
      c.commit();
    }
  }
}
