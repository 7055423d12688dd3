package cn.gov.jingyang.ops.personnel.situation;

import cn.gov.jingyang.ops.platform.pii.PersonalDataViewer;
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

/** personnel-service's section of the gateway's daily situation report. */
@Path("/situation")
@Tag(name = "Situation")
@RolesAllowed({Roles.COMMAND, Roles.AUDITOR})
public class SituationResource {

  private final SituationQueries queries;
  private final PersonalDataViewer viewer;

  public SituationResource(SituationQueries queries, PersonalDataViewer viewer) {
    this.queries = queries;
    this.viewer = viewer;
  }

  @GET
  @Operation(
      summary =
          "The personnel section of the daily situation report: people on duty, sick, injured and"
              + " on leave, open fatigue alerts and party applications, for one Asia/Shanghai day")
  public PersonnelSituation situation(
      @Parameter(
              description = "The day (YYYY-MM-DD, Asia/Shanghai); default today",
              example = "2020-02-03")
          @QueryParam("date")
          @Size(max = 10)
          @Pattern(regexp = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", message = "expected a date YYYY-MM-DD")
          String date) {
    return queries.of(DistrictDays.dayOrToday("date", date), viewer);
  }
}
