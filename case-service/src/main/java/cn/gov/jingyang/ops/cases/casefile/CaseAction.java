package cn.gov.jingyang.ops.cases.casefile;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a case's timeline: what was done, when, by whom (the token's subject). */
public record CaseAction(
    OffsetDateTime at,
    @Schema(description = "the token subject", maxLength = CaseApi.CaseView.SUBJECT_LENGTH)
        String author,
    Kind kind,
    @Schema(maxLength = 4000) String text) {

  public enum Kind {
    REPORTED,
    UPDATED,
    STATUS_CHANGED,
    OFFICER_ASSIGNED,
    SEIZURE_RECORDED,
    /** An action recorded by an officer: a search, an interview, a talk, a hand-over… */
    NOTE
  }
}
