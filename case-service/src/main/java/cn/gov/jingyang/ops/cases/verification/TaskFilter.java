package cn.gov.jingyang.ops.cases.verification;

import java.util.UUID;

/**
 * What a list or a coverage question narrows to; null means any. The query parameters arrive typed
 * (a bad value is the platform's 400 naming the parameter).
 */
public record TaskFilter(
    TaskStatus status,
    UUID station,
    String townCode,
    SourceKind source,
    String batch,
    Boolean overdue) {

  /** The filter, with blank texts meaning any. */
  public static TaskFilter of(
      TaskStatus status,
      UUID station,
      String townCode,
      SourceKind source,
      String batch,
      Boolean overdue) {
    return new TaskFilter(status, station, trimmed(townCode), source, trimmed(batch), overdue);
  }

  public TaskFilter overdueOnly() {
    return new TaskFilter(status, station, townCode, source, batch, true);
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
