package cn.gov.jingyang.ops.cases.casefile;

import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

/**
 * The query parameters of the case list, taken as text and parsed here, so a bad value is a 400
 * naming the parameter. {@code from}/{@code to} are inclusive days of the report (Asia/Shanghai).
 */
final class CaseListQuery {

  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

  private CaseListQuery() {}

  static CaseFileRepository.Filter filter(
      String kind,
      String status,
      String unitId,
      String officerId,
      String from,
      String to,
      String text) {
    LocalDate fromDay = date("from", from);
    LocalDate toDay = date("to", to);
    return new CaseFileRepository.Filter(
        oneOf("kind", kind, CaseKind.class),
        oneOf("status", status, CaseStatus.class),
        uuid("unitId", unitId),
        uuid("officerId", officerId),
        fromDay == null ? null : startOf(fromDay),
        toDay == null ? null : startOf(toDay.plusDays(1)),
        blank(text) ? null : text);
  }

  static PageRequest page(String page, String size) {
    return PageRequest.of(integer("page", page), integer("size", size));
  }

  private static OffsetDateTime startOf(LocalDate day) {
    return day.atStartOfDay(CaseNumbers.ZONE).toOffsetDateTime();
  }

  private static LocalDate date(String name, String value) {
    if (blank(value)) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(value.trim());
      if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
        throw ProblemException.badRequest(
            name, "expected a date between " + EARLIEST + " and " + LATEST);
      }
      return date;
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest(name, "expected a date like 2020-02-03");
    }
  }

  private static UUID uuid(String name, String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return UUID.fromString(value.trim());
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(name, "expected a UUID");
    }
  }

  private static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
    if (blank(value)) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim());
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(
          name, "unknown value; one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  private static Integer integer(String name, String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest(name, "expected a whole number");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
