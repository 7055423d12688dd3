package cn.gov.jingyang.ops.cases.verification;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import java.time.OffsetDateTime;

/** Times a request may name: within what the database can store and a person can mean. */
final class Time {

  private static final OffsetDateTime EARLIEST = OffsetDateTime.parse("1900-01-01T00:00:00Z");
  private static final OffsetDateTime LATEST = OffsetDateTime.parse("2999-12-31T00:00:00Z");

  private Time() {}

  static void requireSensible(String field, OffsetDateTime value) {
    if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
      throw ProblemException.unprocessable(
          field, "expected a time between " + EARLIEST + " and " + LATEST);
    }
  }
}
