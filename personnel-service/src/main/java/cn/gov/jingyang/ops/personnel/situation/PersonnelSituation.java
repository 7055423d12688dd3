package cn.gov.jingyang.ops.personnel.situation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** personnel-service's section of the daily situation report. */
@Schema(description = "The force on the day: duty status, open fatigue alerts, party applications")
public record PersonnelSituation(
    @Schema(description = "The day reported on (Asia/Shanghai)", example = "2020-02-03")
        LocalDate date,
    @Schema(
            description =
                "The instant the statuses and alerts are read at: the end of a past day, now for"
                    + " today, the start of a future day (planned statuses)",
            example = "2020-02-03T15:59:59.999999Z")
        OffsetDateTime asOf,
    @Schema(description = "Active people by the duty status holding at asOf") DutyCounts duty,
    @Schema(description = "Fatigue alerts open at asOf") FatigueAlerts fatigueAlerts,
    @Schema(
            description = "Written applications to join the party submitted on the day",
            example = "3",
            minimum = "0")
        long partyApplications) {

  @Schema(description = "Active people per duty status (AVAILABLE and RESTING are not listed)")
  public record DutyCounts(
      @Schema(description = "ON_DUTY", example = "412", minimum = "0") long onDuty,
      @Schema(description = "SICK", example = "3", minimum = "0") long sick,
      @Schema(description = "INJURED", example = "1", minimum = "0") long injured,
      @Schema(description = "ON_LEAVE", example = "6", minimum = "0") long onLeave) {}

  @Schema(description = "Open fatigue alerts: how many, and the people (longest streak first)")
  public record FatigueAlerts(
      @Schema(description = "Number of open alerts", example = "2", minimum = "0") long open,
      @Schema(
              description = "The people with an open alert, at most " + SituationQueries.MAX_PEOPLE,
              maxItems = SituationQueries.MAX_PEOPLE)
          List<AlertedPerson> people) {}

  @Schema(description = "A person with an open fatigue alert")
  public record AlertedPerson(
      @Schema(description = "Person id") UUID personId,
      @Schema(
              description =
                  "Name (any ID or phone number in it masked for roles that see them masked)",
              example = "張偉",
              maxLength = 100)
          String name,
      @Schema(description = "The person's unit") UUID unitId,
      @Schema(description = "Consecutive duty days when the alert was raised", example = "8")
          int daysAtRaise,
      @Schema(description = "First day of the streak", example = "2020-01-25")
          LocalDate streakStartedOn,
      @Schema(description = "When the alert was raised") OffsetDateTime raisedAt) {}
}
