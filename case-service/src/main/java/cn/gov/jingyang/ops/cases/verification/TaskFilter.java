package cn.gov.jingyang.ops.cases.verification;

import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import java.util.Arrays;
import java.util.UUID;

/**
 * What a list or a coverage question narrows to. Query parameters arrive as text and are parsed
 * here, so a bad value is a 400 naming the parameter.
 */
public record TaskFilter(
    TaskStatus status,
    UUID station,
    String townCode,
    SourceKind source,
    String batch,
    Boolean overdue) {

  public static TaskFilter parse(
      String status, String station, String townCode, String source, String batch, String overdue) {
    return new TaskFilter(
        oneOf("status", status, TaskStatus.class),
        uuid("station", station),
        blank(townCode) ? null : townCode.trim(),
        oneOf("source", source, SourceKind.class),
        blank(batch) ? null : batch.trim(),
        bool("overdue", overdue));
  }

  public TaskFilter overdueOnly() {
    return new TaskFilter(status, station, townCode, source, batch, true);
  }

  static UUID uuid(String name, String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return UUID.fromString(value.trim());
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(name, "expected a UUID");
    }
  }

  static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
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

  static Boolean bool(String name, String value) {
    if (blank(value)) {
      return null;
    }
    return switch (value.trim().toLowerCase()) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw ProblemException.badRequest(name, "expected true or false");
    };
  }

  /** {@code ?page&size}: absent → first page of 50; size capped at 200. */
  public static PageRequest page(String page, String size) {
    return PageRequest.of(integer("page", page), integer("size", size));
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
