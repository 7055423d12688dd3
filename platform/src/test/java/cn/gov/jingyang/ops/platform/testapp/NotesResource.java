package cn.gov.jingyang.ops.platform.testapp;

import cn.gov.jingyang.ops.platform.outbox.Outbox;
import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** A minimal service of the test app: a state change and its event, in one transaction. */
@Path("/test/notes")
@RolesAllowed(Roles.COMMAND)
public class NotesResource {

  /** {@code withState}: the note's latest state also goes to {@link #STATE_TOPIC}. */
  public record WriteNote(
      @NotBlank String text, UUID noteId, String nationalId, String phone, boolean withState) {}

  /** A compacted-style state topic of the test app (latest note per key). */
  public static final String STATE_TOPIC = "platformtest.notes.state";

  private final DataSource dataSource;
  private final Outbox outbox;

  public NotesResource(DataSource dataSource, Outbox outbox) {
    this.dataSource = dataSource;
    this.outbox = outbox;
  }

  @POST
  @Transactional
  public Map<String, Object> write(@Valid @NotNull WriteNote request) throws SQLException {
    UUID id = request.noteId() == null ? UUID.randomUUID() : request.noteId();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into test_note (id, text) values (?, ?) on conflict (id) do update set text = excluded.text")) {
      ps.setObject(1, id);
      ps.setString(2, request.text());
      ps.executeUpdate();
    }
    var event =
        outbox.append(
            new NoteWritten(id, request.text(), "tester", request.nationalId(), request.phone()));
    Map<String, Object> result =
        new java.util.HashMap<>(Map.of("noteId", id, "eventId", event.id()));
    if (request.withState()) {
      var state =
          outbox.appendTo(
              STATE_TOPIC,
              new NoteWritten(id, request.text(), "tester", request.nationalId(), request.phone()));
      result.put("stateEventId", state.id());
    }
    if (request.text().startsWith("rollback")) {
      throw new IllegalStateException("the unit of work fails after the append");
    }
    return result;
  }
}
