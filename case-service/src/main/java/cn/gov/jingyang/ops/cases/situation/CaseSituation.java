package cn.gov.jingyang.ops.cases.situation;

import cn.gov.jingyang.ops.cases.casefile.CaseKind;
import cn.gov.jingyang.ops.cases.casefile.CaseStatus;
import cn.gov.jingyang.ops.cases.verification.CoverageResource.StationCoverageView;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** case-service's section of the daily situation report. */
@Schema(description = "Cases opened and closed on the day, cases by status now, and verification")
public record CaseSituation(
    @Schema(description = "The day reported on (Asia/Shanghai)", example = "2020-02-03")
        LocalDate date,
    @Schema(description = "Cases reported on the day (their reportedAt falls on it)")
        KindCounts opened,
    @Schema(description = "Cases closed on the day (moved to CLOSED on it)") KindCounts closed,
    @Schema(
            description =
                "Every case by its status at the time of the request, every status listed (0 when"
                    + " none)",
            example =
                "{\"REPORTED\":3,\"ACCEPTED\":2,\"UNDER_INVESTIGATION\":9,\"ADMINISTRATIVE_PENALTY\":1,"
                    + "\"CRIMINAL_CASE_FILED\":0,\"MEDIATED\":0,\"NO_VIOLATION\":1,\"CLOSED\":40}")
        Map<CaseStatus, Long> byStatus,
    @Schema(description = "Household verification coverage per station, at the time of the request")
        Verification verification) {

  @Schema(description = "A number of cases, and the same by kind (every kind listed, 0 when none)")
  public record KindCounts(
      @Schema(description = "All kinds together", example = "5", minimum = "0") long total,
      @Schema(
              description = "Per kind of case",
              example =
                  "{\"COUNTERFEIT_PROTECTIVE_GOODS\":2,\"RUMOUR\":1,\"CONCEALMENT_OF_EXPOSURE\":2,"
                      + "\"OBSTRUCTING_EPIDEMIC_CONTROL\":0,\"PRICE_GOUGING\":0,\"OTHER\":0}")
          Map<CaseKind, Long> byKind) {}

  @Schema(
      description =
          "Coverage of the verification tasks per station (the district queue of unroutable tasks"
              + " first, without a station): total, done (COMPLETED), open, overdue (open and past"
              + " due), unreachable (UNREACHABLE), unroutable (open, no station covers the town)")
  public record Verification(
      @Schema(description = "When counted (overdue is relative to it)") OffsetDateTime at,
      @Schema(description = "One entry per station holding tasks", maxItems = 1000)
          List<StationCoverageView> stations) {}
}
