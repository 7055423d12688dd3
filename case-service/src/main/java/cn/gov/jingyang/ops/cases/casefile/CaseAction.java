package cn.gov.jingyang.ops.cases.casefile;

import java.time.OffsetDateTime;

/** One entry of a case's timeline: what was done, when, by whom (the token's subject). */
public record CaseAction(OffsetDateTime at, String author, Kind kind, String text) {

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
