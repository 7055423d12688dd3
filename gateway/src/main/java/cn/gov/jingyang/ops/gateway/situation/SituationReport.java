package cn.gov.jingyang.ops.gateway.situation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The daily situation report: one section per service, each available or not on its own. */
@Schema(
    description =
        "The district's day: one section per service. A section is the service's own answer"
            + " (GET /api/v1/<service>/situation) with status available, or, when the service is"
            + " down, slow or answers an error, {status: unavailable, reason}.")
public record SituationReport(
    @Schema(description = "The day reported on (Asia/Shanghai)", example = "2020-02-03")
        LocalDate date,
    @Schema(
            description = "When the gateway put the report together",
            example = "2020-02-04T01:00:00Z")
        OffsetDateTime generatedAt,
    @Schema(
            description =
                "checkpoint-service: checkpoints active, vehicles and persons inspected, flagged,"
                    + " persons per result (its CheckpointSituation)",
            implementation = SituationReport.SectionStatus.class)
        ObjectNode checkpoint,
    @JsonProperty("case")
        @Schema(
            description =
                "case-service: cases opened and closed by kind, cases by status, verification"
                    + " coverage per station (its CaseSituation)",
            implementation = SituationReport.SectionStatus.class)
        ObjectNode caseSection,
    @Schema(
            description =
                "personnel-service: people on duty, sick, injured, on leave, open fatigue alerts,"
                    + " party applications (its PersonnelSituation)",
            implementation = SituationReport.SectionStatus.class)
        ObjectNode personnel) {

  /** What every section has in common; an available one also has its service's fields. */
  @Schema(
      name = "SituationSection",
      type = SchemaType.OBJECT,
      additionalProperties = Schema.True.class,
      description =
          "A section: status available and the service's fields, or status unavailable and a"
              + " reason")
  public record SectionStatus(
      @Schema(
              description = "available: the service answered; unavailable: it did not in time",
              enumeration = {"available", "unavailable"},
              example = "unavailable")
          String status,
      @Schema(
              description =
                  "Only when unavailable: why, e.g. timed out after 2s, connection refused,"
                      + " upstream answered 503",
              maxLength = 100,
              example = "connection refused")
          String reason) {}
}
