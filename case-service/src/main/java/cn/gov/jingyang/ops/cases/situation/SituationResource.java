package cn.gov.jingyang.ops.cases.situation;

import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.platform.time.DistrictDays;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** case-service's section of the gateway's daily situation report. */
@Path("/situation")
@Tag(name = "Situation")
@RolesAllowed({Roles.COMMAND, Roles.AUDITOR})
public class SituationResource {

  private final SituationQueries queries;

  public SituationResource(SituationQueries queries) {
    this.queries = queries;
  }

  @GET
  @Operation(
      summary =
          "The cases' section of the daily situation report: cases opened and closed on one"
              + " Asia/Shanghai day by kind, every case by status now, and household verification"
              + " coverage per station")
  public CaseSituation situation(
      @Parameter(
              description = "The day (YYYY-MM-DD, Asia/Shanghai); default today",
              example = "2020-02-03")
          @QueryParam("date")
          @Size(max = 10)
          @Pattern(regexp = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", message = "expected a date YYYY-MM-DD")
          String date) {
    return queries.of(DistrictDays.dayOrToday("date", date));
  }
}
