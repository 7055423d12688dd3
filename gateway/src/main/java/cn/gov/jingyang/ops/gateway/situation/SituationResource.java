package cn.gov.jingyang.ops.gateway.situation;

import cn.gov.jingyang.ops.gateway.access.RequestIdentity;
import cn.gov.jingyang.ops.platform.correlation.TraceContext;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.platform.time.DistrictDays;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The daily situation report for district command and audit. Always 200 once the caller may read
 * it: a service that cannot answer makes only its own section unavailable.
 */
@Path("/api/v1/situation")
@Tag(name = "Situation")
@RolesAllowed({Roles.COMMAND, Roles.AUDITOR})
public class SituationResource {

  private final SituationReports reports;

  public SituationResource(SituationReports reports) {
    this.reports = reports;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The daily situation report of one Asia/Shanghai day",
      description =
          "Checkpoints, cases and personnel of the day, from the three services asked at the same"
              + " time with the caller's token. Always 200: a service that is down, slower than"
              + " its route's timeout or answers an error gives a section {status: unavailable,"
              + " reason}.")
  public Uni<SituationReport> report(
      @Parameter(
              description = "The day (YYYY-MM-DD, Asia/Shanghai); default today",
              example = "2020-02-03")
          @QueryParam("date")
          @Size(max = 10)
          @Pattern(regexp = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", message = "expected a date YYYY-MM-DD")
          String date,
      @Context HttpHeaders headers,
      @Context RoutingContext ctx) {
    Map<String, String> forwarded = new LinkedHashMap<>();
    String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization != null) {
      forwarded.put(HttpHeaders.AUTHORIZATION, authorization);
    }
    String requestId = RequestIdentity.requestId(ctx);
    if (requestId != null) {
      forwarded.put(RequestIdentity.REQUEST_ID_HEADER, requestId);
      forwarded.put(TraceContext.CORRELATION_HEADER, requestId);
    }
    String traceparent = RequestIdentity.traceparent(ctx);
    if (traceparent != null) {
      forwarded.put(TraceContext.TRACEPARENT_HEADER, traceparent);
    }
    forwarded.put(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
    return reports.of(DistrictDays.dayOrToday("date", date), forwarded);
  }
}
