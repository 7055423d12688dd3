package cn.gov.jingyang.ops.platform.time;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Days are counted in the district's time zone, Asia/Shanghai, in every service. */
public final class DistrictDays {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** Days a question about the work can sensibly name (and the database can store). */
  static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

  private DistrictDays() {}

  public static LocalDate dayOf(OffsetDateTime time) {
    return time.atZoneSameInstant(ZONE).toLocalDate();
  }

  public static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZONE).toInstant();
  }

  public static LocalDate today() {
    return LocalDate.now(ZONE);
  }

  /**
   * Checks an inclusive range of days {@code from..to} given as query parameters: a day outside
   * 1900–2999 is a 400 naming its parameter, a reversed range a 400 naming {@code to}.
   */
  public static void checkRange(LocalDate from, LocalDate to) {
    checkDay("from", from);
    checkDay("to", to);
    if (from != null && to != null && to.isBefore(from)) {
      throw ProblemException.badRequest("to", "must not be before from");
    }
  }

  /**
   * The day a query parameter names ({@code YYYY-MM-DD}), today when it is absent; a date that does
   * not exist (2020-02-30) or lies outside 1900–2999 is a 400 naming the parameter.
   */
  public static LocalDate dayOrToday(String parameter, String value) {
    if (value == null) {
      return today();
    }
    try {
      LocalDate day = LocalDate.parse(value);
      checkDay(parameter, day);
      return day;
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest(parameter, "expected a date YYYY-MM-DD");
    }
  }

  /** A day outside 1900–2999 is a 400 naming the parameter. */
  public static void checkDay(String parameter, LocalDate day) {
    if (day != null && (day.isBefore(EARLIEST) || day.isAfter(LATEST))) {
      throw ProblemException.badRequest(
          parameter, "expected a date between " + EARLIEST + " and " + LATEST);
    }
  }
}
