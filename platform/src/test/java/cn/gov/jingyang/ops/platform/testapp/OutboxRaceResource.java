package cn.gov.jingyang.ops.platform.testapp;

import cn.gov.jingyang.ops.platform.outbox.Outbox;
import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Units of work that used to deadlock on the outbox: one appends an event and then locks a row, the
 * other locks that row and then appends (as personnel's fatigue handler against a duty-status
 * change). And one whose outbox write fails at commit.
 */
@Path("/test/outbox-race")
@RolesAllowed(Roles.COMMAND)
public class OutboxRaceResource {

  private final DataSource dataSource;
  private final Outbox outbox;

  public OutboxRaceResource(DataSource dataSource, Outbox outbox) {
    this.dataSource = dataSource;
    this.outbox = outbox;
  }

  @POST
  @Path("/append-then-lock")
  @Transactional
  public Map<String, Object> appendThenLock(@QueryParam("a") UUID a, @QueryParam("b") UUID b)
      throws SQLException {
    var event = outbox.append(new NoteWritten(a, "appended for " + a, "race", null, null));
    touch(b);
    return Map.of("eventId", event.id());
  }

  @POST
  @Path("/lock-then-append")
  @Transactional
  public Map<String, Object> lockThenAppend(@QueryParam("b") UUID b) throws SQLException {
    touch(b);
    var event = outbox.append(new NoteWritten(b, "changed " + b, "race", null, null));
    return Map.of("eventId", event.id());
  }

  /**
   * Writes a note and an event, then plants a row that makes the event's own insert fail at commit.
   */
  @POST
  @Path("/collide")
  @Transactional
  public Map<String, Object> collide(@QueryParam("b") UUID b) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("insert into test_note (id, text) values (?, 'collide')")) {
      ps.setObject(1, b);
      ps.executeUpdate();
    }
    var event = outbox.append(new NoteWritten(b, "collide", "race", null, null));
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into outbox (event_id, topic, aggregate_type, aggregate_id, event_type, event,"
                    + " occurred_at) values (?, 'platformtest.events', 'Note', 'planted', 'x', '{}', now())")) {
      ps.setObject(1, event.id());
      ps.executeUpdate();
    }
    return Map.of("eventId", event.id());
  }

  private void touch(UUID note) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("update test_note set text = text || '.' where id = ?")) {
      ps.setObject(1, note);
      ps.executeUpdate();
    }
  }
}
