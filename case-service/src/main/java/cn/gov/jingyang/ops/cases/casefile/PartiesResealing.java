package cn.gov.jingyang.ops.cases.casefile;

import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import cn.gov.jingyang.ops.platform.pii.Resealable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Converts case_file.parties, a JSON array, for the platform's Resealer: a party's idNumber or
 * phone in clear (written before sealing) is sealed, one sealed with a key no longer active is
 * sealed again with the active one. The case's version stays: what it says has not changed. Called
 * until it returns 0; 500 cases a call.
 */
@ApplicationScoped
public class PartiesResealing implements Resealable {

  /** Its name in sealed_data. */
  public static final String NAME = "case_file.parties";

  private static final int BATCH = 500;
  private static final List<String> SEALED_FIELDS = List.of("idNumber", "phone");

  private final DataSource dataSource;
  private final ObjectMapper json;

  public PartiesResealing(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  @Transactional
  public int resealBatch(PersonalDataSealing sealing) {
    String active = "pd1:" + sealing.activeKeyId() + ":";
    Map<UUID, String> cases = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement select =
          c.prepareStatement(
              "select id, parties::text from case_file c where exists (select 1"
                  + " from jsonb_array_elements(c.parties) p,"
                  + " lateral (values (p->'idNumber'), (p->'phone')) v(value)"
                  + " where jsonb_typeof(v.value) = 'string'"
                  + " and not starts_with(v.value #>> '{}', ?))"
                  + " limit ? for update skip locked")) {
        select.setString(1, active);
        select.setInt(2, BATCH);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            cases.put(rs.getObject(1, UUID.class), rs.getString(2));
          }
        }
      }
      try (PreparedStatement update =
          c.prepareStatement("update case_file set parties = ?::jsonb where id = ?")) {
        for (Map.Entry<UUID, String> e : cases.entrySet()) {
          update.setString(1, reseal(e.getValue(), sealing));
          update.setObject(2, e.getKey());
          update.addBatch();
        }
        update.executeBatch();
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("parties not resealed", e);
    }
    return cases.size();
  }

  private String reseal(String parties, PersonalDataSealing sealing) throws IOException {
    JsonNode array = json.readTree(parties);
    for (JsonNode party : array) {
      for (String field : SEALED_FIELDS) {
        JsonNode value = party.get(field);
        if (value != null && value.isTextual() && !sealing.sealedWithActiveKey(value.asText())) {
          ((ObjectNode) party).put(field, sealing.seal(sealing.open(value.asText())));
        }
      }
    }
    return json.writeValueAsString(array);
  }
}
