package cn.gov.jingyang.ops.platform.audit;

import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageParams;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audit trail of personal data read in clear, for oversight: a filtered, paged listing and a
 * verification of its hash chain. Read-only; nobody can change it (the database refuses).
 */
@Path("/audit-trail")
@Tag(name = "Audit trail")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUDITOR, Roles.COMMAND})
@IfBuildProperty(name = "ops.audit-trail.enabled", stringValue = "true", enableIfMissing = true)
public class AuditTrailResource {

  private final AuditTrail trail;

  public AuditTrailResource(AuditTrail trail) {
    this.trail = trail;
  }

  @GET
  @Operation(summary = "Reads of personal data in clear, newest first")
  public Page<AuditRecord> list(
      @QueryParam("actor") @Parameter(description = "Only this token subject") @Size(max = 200)
          String actor,
      @QueryParam("subject")
          @Parameter(description = "Only subjects containing this text, e.g. a resource id")
          @Size(max = 200)
          String subject,
      @QueryParam("from")
          @Parameter(description = "Recorded at or after this time (ISO-8601 with offset)")
          OffsetDateTime from,
      @QueryParam("to") @Parameter(description = "Recorded before this time (ISO-8601 with offset)")
          OffsetDateTime to,
      @BeanParam PageParams page)
      throws SQLException {
    if (from != null && to != null && !from.isBefore(to)) {
      throw ProblemException.badRequest("to", "must be after from");
    }
    return trail.list(new AuditTrail.Filter(actor, subject, from, to), page.request());
  }

  @GET
  @Path("/verification")
  @Operation(summary = "Whether the hash chain of the whole trail holds")
  public ChainVerification verify() throws SQLException {
    return trail.verify();
  }
}
