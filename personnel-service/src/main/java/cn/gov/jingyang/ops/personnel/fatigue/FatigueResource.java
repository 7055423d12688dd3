package cn.gov.jingyang.ops.personnel.fatigue;

import cn.gov.jingyang.ops.personnel.config.PersonnelConfig;
import cn.gov.jingyang.ops.personnel.fatigue.FatigueQueries.FatigueStanding;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
          "People at or near the fatigue threshold (open alert, or streak within the near margin), longest first")
  public Page<FatigueStanding> atOrNear(
      @Parameter(
              description = "Minimum streak; default threshold minus personnel.fatigue.near-margin")
          @QueryParam("minDays")
          Integer minDays,
      @Parameter(description = "Page from 0") @QueryParam("page") Integer page,
      @Parameter(description = "Page size, default 50, capped at 200") @QueryParam("size")
          Integer size) {
    int min =
        minDays != null
            ? Math.max(1, minDays)
            : Math.max(1, config.fatigue().thresholdDays() - config.fatigue().nearMargin());
    PageRequest request = PageRequest.of(page, size);
    return new Page<>(
        queries.atOrNear(min, request), request.page(), request.size(), queries.countAtOrNear(min));
  }
}
