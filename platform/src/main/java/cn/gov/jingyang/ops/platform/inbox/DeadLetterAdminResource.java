package cn.gov.jingyang.ops.platform.inbox;

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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators see what the service's consumers dead-lettered and re-drive it after a fix. */
@Path("/admin/dead-letters")
@Tag(name = "Dead letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COMMAND)
public class DeadLetterAdminResource {

  private final Redelivery redelivery;

  public DeadLetterAdminResource(Redelivery redelivery) {
    this.redelivery = redelivery;
  }

  @GET
  @Operation(
      summary = "Dead-lettered records, per consumer",
      description =
          "Read from the consumers' <topic>.dlt topics. 'applied' tells whether the event has"
              + " taken effect since (re-driven, or redelivered), as far as processed-event retention"
              + " remembers. Payloads and errors have personal data masked.")
  public List<Redelivery.DeadLetter> list(
      @Parameter(description = "consumer name; all consumers of the service if absent")
          @QueryParam("consumer")
          String consumer,
      @Parameter(description = "only applied (true) or not yet applied (false) ones")
          @QueryParam("applied")
          Boolean applied,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    return redelivery.list(consumer, applied, limit);
  }

  @POST
  @Path("/{consumer}/redrive")
  @Operation(
      summary = "Re-drive every dead letter of a consumer not applied yet",
      description =
          "Each is applied through the same idempotent path as a delivery; the answer says"
              + " per record APPLIED, ALREADY_APPLIED or FAILED with the reason.")
  public Redelivery.Report redriveAll(@PathParam("consumer") String consumer) {
    return redelivery.redriveAll(consumer);
  }

  @POST
  @Path("/{consumer}/{dltTopic}/{dltPartition}/{dltOffset}/redrive")
  @Operation(
      summary = "Re-drive one dead letter",
      description = "An event applied already changes nothing (ALREADY_APPLIED).")
  public Redelivery.Result redriveOne(
      @PathParam("consumer") String consumer,
      @PathParam("dltTopic") String dltTopic,
      @PathParam("dltPartition") @Min(0) int dltPartition,
      @PathParam("dltOffset") @Min(0) long dltOffset) {
    return redelivery.redriveOne(consumer, dltTopic, dltPartition, dltOffset);
  }
}
