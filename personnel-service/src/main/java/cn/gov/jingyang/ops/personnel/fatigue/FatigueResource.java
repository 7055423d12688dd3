package cn.gov.jingyang.ops.personnel.fatigue;

import cn.gov.jingyang.ops.personnel.config.PersonnelConfig;
import cn.gov.jingyang.ops.personnel.fatigue.FatigueQueries.FatigueStanding;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageParams;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/fatigue")
@Tag(
    name = "Duty days and fatigue",
    description = "Consecutive duty days per person and FatigueAlerts")
@RolesAllowed({Roles.PERSONNEL_ADMIN, Roles.COMMAND, Roles.AUDITOR})
public class FatigueResource {

  private final FatigueQueries queries;
  private final PersonnelConfig config;

  public FatigueResource(FatigueQueries queries, PersonnelConfig config) {
    this.queries = queries;
    this.config = config;
  }

  @GET
  @Operation(
      summary =
          "People at or near the fatigue threshold (open alert, or streak within the near margin), longest first",
      description =
          "A streak is the run of consecutive duty days (Asia/Shanghai) without a rest day; at"
              + " personnel.fatigue.threshold-days a FatigueAlert is raised, and it is cleared by a"
              + " rest day.")
  public Page<FatigueStanding> atOrNear(
      @Parameter(
              description =
                  "Minimum streak in days, at most 366 (below 1 counts as 1); default threshold"
                      + " minus personnel.fatigue.near-margin",
              schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"))
          @QueryParam("minDays")
          @Max(366)
          Integer minDays,
      @BeanParam PageParams paging) {
    int min =
        minDays != null
            ? Math.max(1, minDays)
            : Math.max(1, config.fatigue().thresholdDays() - config.fatigue().nearMargin());
    PageRequest request = paging.request();
    return new Page<>(
        queries.atOrNear(min, request), request.page(), request.size(), queries.countAtOrNear(min));
  }
}
