package cn.gov.jingyang.ops.checkpoint.common;

import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Query parameters are taken as text and parsed here, so a bad value is a 400 naming the parameter
 * (the framework's own conversion would answer 404).
 */
public final class Query {

  /**
   * Dates a question about inspections and shifts can sensibly name (and the database can store).
   */
  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

  private Query() {}

  public static LocalDate date(String name, String value) {
    if (blank(value)) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest(name, "expected a date like 2020-02-03");
    }
    if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
      throw ProblemException.badRequest(
          name, "expected a date between " + EARLIEST + " and " + LATEST);
    }
    return date;
  }

  public static UUID uuid(String name, String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return UUID.fromString(value.trim());
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(name, "expected a UUID");
    }
  }

  public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
    if (blank(value)) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim());
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(
          name,
          "unknown value '" + value + "'; one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  public static Boolean bool(String name, String value) {
    if (blank(value)) {
      return null;
    }
    return switch (value.trim().toLowerCase()) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw ProblemException.badRequest(name, "expected true or false");
    };
  }

  public static Integer integer(String name, String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest(name, "expected a whole number");
    }
  }

  /** {@code ?page&size}: absent → first page of 50; size capped at 200. */
  public static PageRequest page(String page, String size) {
    return PageRequest.of(integer("page", page), integer("size", size));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
