package cn.gov.jingyang.ops.checkpoint.inspection;

import cn.gov.jingyang.ops.checkpoint.inspection.RecordPreparation.Prepared;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Writes a batch's records set-based, on the transaction's connection: one statement for all
 * inspection headers, one for all their occupants, each column passed as one array ({@code
 * unnest}), so the statement text, and its server-side plan, is the same for every batch. Headers
 * go in client record id order and skip a record already stored ({@code on conflict do nothing},
 * waiting for a concurrent transaction inserting the same id), so concurrent batches sharing
 * records never deadlock and store each record once. Occupants' ID numbers and phones arrive
 * sealed, with the ID number's lookup hash ({@link Occupant#of}).
 */
@ApplicationScoped
public class InspectionRows {

  private static final String INSERT_HEADERS =
      "insert into inspection (id, client_record_id, checkpoint_id, inspected_at, day, direction,"
          + " plate, vehicle_kind, inspector, recorded_by, occupant_count, flagged_count,"
          + " risk_rules_version, created_at, inspector_id, inspector_agency)"
          + " select t.id, t.client_record_id, t.checkpoint_id, t.inspected_at, t.day, t.direction,"
          + " t.plate, t.vehicle_kind, t.inspector, ?, t.occupant_count, t.flagged_count,"
          + " t.risk_rules_version, now(), t.inspector_id, t.inspector_agency"
          + " from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::timestamptz[], ?::date[], ?::text[],"
          + " ?::text[], ?::text[], ?::text[], ?::int[], ?::int[], ?::int[], ?::uuid[], ?::text[])"
          + " as t(id, client_record_id, checkpoint_id, inspected_at, day, direction, plate,"
          + " vehicle_kind, inspector, occupant_count, flagged_count, risk_rules_version,"
          + " inspector_id, inspector_agency)"
          + " order by t.client_record_id"
          + " on conflict (client_record_id) do nothing returning client_record_id";

  private static final String INSERT_OCCUPANTS =
      "insert into occupant (id, inspection_id, position, name, id_number, id_number_lookup,"
          + " phone, origin_province, origin_city, stayed_in_risk_area, temperature, symptoms,"
          + " destination_town, destination_town_code, destination_town_resolution,"
          + " destination_address, result, flagged, flag_reasons)"
          + " select t.id, t.inspection_id, t.position, t.name, t.id_number, t.id_number_lookup,"
          + " t.phone, t.origin_province, t.origin_city, t.stayed, t.temperature, t.symptoms::jsonb,"
          + " t.destination_town, t.destination_town_code, t.destination_town_resolution,"
          + " t.destination_address, t.result, t.flagged, t.flag_reasons::jsonb"
          + " from unnest(?::uuid[], ?::uuid[], ?::int[], ?::text[], ?::text[], ?::text[],"
          + " ?::text[], ?::text[], ?::text[], ?::boolean[], ?::numeric[], ?::text[], ?::text[],"
          + " ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[])"
          + " as t(id, inspection_id, position, name, id_number, id_number_lookup, phone,"
          + " origin_province, origin_city, stayed, temperature, symptoms, destination_town,"
          + " destination_town_code, destination_town_resolution, destination_address, result,"
          + " flagged, flag_reasons)";

  private final DataSource dataSource;
  private final ObjectMapper json;

  public InspectionRows(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  /**
   * Inserts the records' headers, and the occupants of those it inserted; returns the client record
   * ids it inserted (the others were stored before, or by a concurrent transaction).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Set<UUID> insertNew(List<Prepared> records, String recordedBy) throws SQLException {
    Set<UUID> inserted = new HashSet<>();
    if (records.isEmpty()) {
      return inserted;
    }
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s = c.prepareStatement(INSERT_HEADERS)) {
        s.setString(1, recordedBy);
        int p = 1;
        s.setArray(++p, array(c, records, Prepared::id));
        s.setArray(++p, array(c, records, r -> r.request().clientRecordId()));
        s.setArray(++p, array(c, records, r -> r.checkpoint().id()));
        s.setArray(++p, array(c, records, r -> r.request().inspectedAt()));
        s.setArray(++p, array(c, records, Prepared::day));
        s.setArray(++p, array(c, records, r -> r.request().direction().name()));
        s.setArray(++p, array(c, records, Prepared::plate));
        s.setArray(++p, array(c, records, r -> r.request().vehicleKind().name()));
        s.setArray(++p, array(c, records, r -> r.inspector().name()));
        s.setArray(++p, array(c, records, r -> r.occupants().size()));
        s.setArray(++p, array(c, records, Prepared::flagged));
        s.setArray(++p, array(c, records, Prepared::rulesVersion));
        s.setArray(++p, array(c, records, r -> r.inspector().personId()));
        s.setArray(++p, array(c, records, r -> r.inspector().agency()));
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            inserted.add(rs.getObject(1, UUID.class));
          }
        }
      }
      List<Occupant> occupants = new ArrayList<>();
      for (Prepared r : records) {
        if (inserted.contains(r.request().clientRecordId())) {
          occupants.addAll(r.occupants());
        }
      }
      insertOccupants(c, occupants);
    }
    return inserted;
  }

  private void insertOccupants(Connection c, List<Occupant> o) throws SQLException {
    if (o.isEmpty()) {
      return;
    }
    try (PreparedStatement s = c.prepareStatement(INSERT_OCCUPANTS)) {
      int p = 0;
      s.setArray(++p, array(c, o, Occupant::id));
      s.setArray(++p, array(c, o, Occupant::inspectionId));
      s.setArray(++p, array(c, o, Occupant::position));
      s.setArray(++p, array(c, o, Occupant::name));
      // sealed when the occupant was built (RecordPreparation): no clear ID number or phone here
      s.setArray(++p, array(c, o, Occupant::sealedIdNumber));
      s.setArray(++p, array(c, o, Occupant::idNumberLookup));
      s.setArray(++p, array(c, o, Occupant::sealedPhone));
      s.setArray(++p, array(c, o, Occupant::originProvince));
      s.setArray(++p, array(c, o, Occupant::originCity));
      s.setArray(++p, array(c, o, Occupant::stayedInRiskArea));
      s.setArray(++p, array(c, o, Occupant::temperature));
      s.setArray(++p, array(c, o, x -> toJson(x.symptoms())));
      s.setArray(++p, array(c, o, Occupant::destinationTown));
      s.setArray(++p, array(c, o, Occupant::destinationTownCode));
      s.setArray(++p, array(c, o, Occupant::destinationTownResolution));
      s.setArray(++p, array(c, o, Occupant::destinationAddress));
      s.setArray(++p, array(c, o, Occupant::result));
      s.setArray(++p, array(c, o, Occupant::flagged));
      s.setArray(++p, array(c, o, x -> toJson(x.flagReasons())));
      s.executeUpdate();
    }
  }

  /** One column as a text array (PostgreSQL casts it to the column's type); nulls kept. */
  private static <T> java.sql.Array array(Connection c, List<T> rows, Function<T, Object> column)
      throws SQLException {
    String[] values = new String[rows.size()];
    for (int i = 0; i < values.length; i++) {
      Object v = column.apply(rows.get(i));
      values[i] =
          v == null
              ? null
              : v instanceof Enum<?> e
                  ? e.name()
                  : v instanceof BigDecimal d ? d.toPlainString() : Objects.toString(v);
    }
    return c.createArrayOf("text", values);
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
