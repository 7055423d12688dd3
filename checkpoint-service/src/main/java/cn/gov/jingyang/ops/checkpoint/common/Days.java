package cn.gov.jingyang.ops.checkpoint.common;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Days are counted in the district's time zone, Asia/Shanghai. */
public final class Days {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private Days() {}

  public static LocalDate dayOf(OffsetDateTime time) {
    return time.atZoneSameInstant(ZONE).toLocalDate();
  }

  public static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZONE).toInstant();
  }

  /**
   * Checks an inclusive date range {@code from..to}; a reversed range is a 400 naming {@code to}.
   */
  public static void checkRange(LocalDate from, LocalDate to) {
    if (from != null && to != null && to.isBefore(from)) {
      throw ProblemException.badRequest("to", "must not be before from");
    }
  }
}
