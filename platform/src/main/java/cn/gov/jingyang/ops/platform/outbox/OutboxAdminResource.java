package cn.gov.jingyang.ops.platform.outbox;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators look at the outbox and release rows that Kafka refused until they were BLOCKED. */
@Path("/admin/outbox")
@Tag(name = "Outbox administration")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxAdminResource {

  private final DataSource dataSource;
  private final OutboxRelay relay;

  public OutboxAdminResource(DataSource dataSource, OutboxRelay relay) {
    this.dataSource = dataSource;
    this.relay = relay;
  }

  @GET
  @Path("/summary")
  @RolesAllowed({Roles.COMMAND, Roles.AUDITOR})
  @Operation(summary = "How many events wait, and how many are blocked")
  public Map<String, Long> summary() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return Map.of(
          "pending", OutboxEntries.queued(c, false), "blocked", OutboxEntries.queued(c, true));
    }
  }

  @GET
  @RolesAllowed({Roles.COMMAND, Roles.AUDITOR})
  @Operation(summary = "Outbox rows in a status (default BLOCKED), oldest first")
  public List<OutboxEntries.Entry> list(
      @QueryParam("status") @DefaultValue("BLOCKED") OutboxEntries.Status status,
      @QueryParam("after") @DefaultValue("0") @Min(0) long after,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return OutboxEntries.entries(c, status, after, limit);
    }
  }

  @POST
  @Path("/{seq}/release")
  @RolesAllowed(Roles.COMMAND)
  @Operation(summary = "Release a BLOCKED row: the relay tries it again from scratch")
  public Map<String, Object> release(@PathParam("seq") long seq) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      if (!OutboxEntries.release(c, seq)) {
        throw ProblemException.conflict("not-blocked", "outbox row " + seq + " is not BLOCKED");
      }
    }
    relay.wake();
    return Map.of("seq", seq, "status", OutboxEntries.Status.PENDING);
  }
}
