package cn.gov.jingyang.ops.platform.testapp;

import cn.gov.jingyang.ops.platform.idempotency.Idempotent;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Creates notes, honouring Idempotency-Key. A note whose text starts with "refuse" is written and
 * then refused (409), one starting with "crash" fails with a 500; {@code hold} keeps the request
 * running until a test releases it.
 */
@Path("/test/idempotent-notes")
@RolesAllowed(Roles.COMMAND)
public class IdempotentNotesResource {

  public record NewNote(@NotBlank String text, boolean hold) {}

  public record NoteView(UUID noteId, String text) {}

  /**
   * Counted down when a held request has done its work; the request then waits for {@link
   * #release}.
   */
  public static volatile CountDownLatch entered = new CountDownLatch(0);

  public static volatile CountDownLatch release = new CountDownLatch(0);

  private final DataSource dataSource;

  public IdempotentNotesResource(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @POST
  @Idempotent
  public Response write(@Valid @NotNull NewNote note) throws Exception {
    NoteView view = insert(note);
    return Response.created(URI.create("/test/notes/" + view.noteId()))
        .header("ETag", "\"0\"")
        .entity(view)
        .build();
  }

  @POST
  @Path("/plain")
  @Idempotent
  public NoteView writePlain(@Valid @NotNull NewNote note) throws Exception {
    return insert(note);
  }

  private NoteView insert(NewNote note) throws SQLException, InterruptedException {
    UUID id = UUID.randomUUID();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("insert into test_note (id, text) values (?, ?)")) {
      ps.setObject(1, id);
      ps.setString(2, note.text());
      ps.executeUpdate();
    }
    if (note.text().startsWith("refuse")) {
      throw ProblemException.conflict("refused", "this note is refused after it was written");
    }
    if (note.text().startsWith("crash")) {
      throw new IllegalStateException("the note could not be finished");
    }
    if (note.hold()) {
      entered.countDown();
      if (!release.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    }
    return new NoteView(id, note.text());
  }
}
