package cn.gov.jingyang.ops.personnel.party;

import cn.gov.jingyang.ops.personnel.party.PartyApi.ApplicationView;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageParams;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Written applications to join the party: the political office's count. */
@Path("/party-applications")
@Tag(name = "Party organisation")
@RolesAllowed({Roles.PERSONNEL_ADMIN, Roles.COMMAND, Roles.AUDITOR})
public class PartyApplicationResource {

  @Schema(description = "Applications submitted in a period")
  public record ApplicationsInPeriod(
      @Schema(description = "First day (inclusive)", example = "2020-01-24") LocalDate from,
      @Schema(description = "Last day (inclusive)", example = "2020-02-29") LocalDate to,
      @Schema(description = "Number of applications submitted in the period", example = "17")
          long count,
      @Schema(description = "The applications of this page") Page<ApplicationView> applications) {}

  private final PartyRecords records;

  public PartyApplicationResource(PartyRecords records) {
    this.records = records;
  }

  @GET
  @Operation(
      summary = "Written applications submitted in a period (inclusive), optionally to one branch",
      description =
          "The count over the whole period and one page of the applications, oldest first; to"
              + " before from is 400.")
  public ApplicationsInPeriod applications(
      @Parameter(description = "First day", required = true, example = "2020-01-24")
          @QueryParam("from")
          @NotNull
          LocalDate from,
      @Parameter(description = "Last day", required = true, example = "2020-02-29")
          @QueryParam("to")
          @NotNull
          LocalDate to,
      @Parameter(description = "Only applications to this branch") @QueryParam("branchId")
          UUID branchId,
      @BeanParam PageParams paging) {
    if (to.isBefore(from)) {
      throw ProblemException.badRequest("to", "must not be before from");
    }
    PageRequest request = paging.request();
    long count = records.countApplications(from, to, branchId);
    return new ApplicationsInPeriod(
        from,
        to,
        count,
        new Page<>(
            records.applications(from, to, branchId, request),
            request.page(),
            request.size(),
            count));
  }
}
