package cn.gov.jingyang.ops.platform.problem;

import cn.gov.jingyang.ops.platform.transaction.TransientFaults;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Database faults a caller can act on, found anywhere in an exception's causes: a unique key taken
 * (409 naming the field), a reference to nothing or a missing or invalid value (422), a row changed
 * by someone else since it was read (409, or 412 for a conditional request), and contention or
 * unavailability that a later retry may get past (503 with {@code Retry-After}). Values are never
 * echoed (they may be personal data), nor is any SQL.
 */
public final class PersistenceProblems {

  /** Seconds a caller should wait after contention (deadlock, serialization, lock timeout). */
  static final int CONTENTION_RETRY_AFTER = 1;

  /** Seconds a caller should wait while the database is unreachable. */
  static final int UNAVAILABLE_RETRY_AFTER = 5;

  private static final Pattern KEY_COLUMNS =
      Pattern.compile("^Key \\((.+?)\\)=\\(", Pattern.DOTALL);
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private PersistenceProblems() {}

  /** The problem for this fault, or {@code null} when it is none the caller can act on. */
  public static Problem of(Throwable failure, boolean conditional) {
    if (TransientFaults.isContention(failure)) {
      return Problem.of(
              503,
              "contention",
              "Service busy",
              "the request met a concurrent one and could not complete; retry it")
          .with(ProblemResponse.RETRY_AFTER, CONTENTION_RETRY_AFTER);
    }
    if (TransientFaults.isUnavailable(failure)) {
      return Problem.of(
              503,
              "unavailable",
              "Service unavailable",
              "the database cannot be reached; retry later")
          .with(ProblemResponse.RETRY_AFTER, UNAVAILABLE_RETRY_AFTER);
    }
    for (Throwable t : TransientFaults.causes(failure)) {
      if (staleVersion(t)) {
        return conditional
            ? Problem.of(
                412,
                "stale-version",
                "Precondition failed",
                "the resource changed since the version you sent; read it again")
            : Problem.of(
                409,
                "stale-version",
                "Conflict",
                "someone else changed the resource at the same time; read it again and retry");
      }
      if (t instanceof SQLException sql) {
        Problem problem = bySqlState(sql);
        if (problem != null) {
          return problem;
        }
      }
    }
    return null;
  }

  private static boolean staleVersion(Throwable t) {
    return t instanceof jakarta.persistence.OptimisticLockException
        || t instanceof org.hibernate.StaleStateException
        || t instanceof org.hibernate.dialect.lock.OptimisticEntityLockException;
  }

  private static Problem bySqlState(SQLException sql) {
    String state = sql.getSQLState();
    if (state == null) {
      return null;
    }
    ServerErrorMessage server = sql instanceof PSQLException p ? p.getServerErrorMessage() : null;
    String detail = server == null ? null : server.getDetail();
    String constraint = server == null ? null : server.getConstraint();
    String table = server == null ? null : server.getTable();
    switch (state) {
      case "23505", "23P01":
        {
          List<Problem.FieldError> fields =
              fields(keyColumns(detail, constraint, table), "already taken");
          return new Problem(
              "duplicate",
              "Conflict",
              409,
              names(fields) + ": a record with this value already exists",
              fields);
        }
      case "23503":
        {
          if (detail != null && detail.contains("still referenced")) {
            return Problem.of(
                409, "still-referenced", "Conflict", "the resource is still referred to by others");
          }
          List<Problem.FieldError> fields =
              fields(keyColumns(detail, constraint, table), "refers to nothing that exists");
          return new Problem(
              "unknown-reference",
              "Request is well-formed but cannot be accepted",
              422,
              names(fields) + ": refers to nothing that exists",
              fields);
        }
      case "23502":
        {
          String column =
              server == null || server.getColumn() == null ? "body" : camel(server.getColumn());
          return unprocessable(List.of(new Problem.FieldError(column, "is required")));
        }
      case "23514":
        {
          return unprocessable(fields(constraintColumns(constraint, table), "value not allowed"));
        }
      default:
        if (state.startsWith("22")) {
          return unprocessable(
              List.of(
                  new Problem.FieldError("body", "a value is out of range or of the wrong form")));
        }
        return null;
    }
  }

  private static Problem unprocessable(List<Problem.FieldError> fields) {
    return new Problem(
        "unprocessable",
        "Request is well-formed but cannot be accepted",
        422,
        names(fields) + ": " + fields.get(0).message(),
        fields);
  }

  /**
   * {@code Key (badge_number)=(…) already exists} → {@code badge_number}; else from the constraint
   * name.
   */
  private static List<String> keyColumns(String detail, String constraint, String table) {
    if (detail != null) {
      Matcher m = KEY_COLUMNS.matcher(detail);
      if (m.find()) {
        // lower((code)::text), day → code, day
        String columns = m.group(1).replaceAll("::\\w+", "").replaceAll("\\w+\\(", "");
        List<String> names = new ArrayList<>();
        Matcher id = IDENTIFIER.matcher(columns);
        while (id.find()) {
          names.add(id.group());
        }
        if (!names.isEmpty()) {
          return names;
        }
      }
    }
    return constraintColumns(constraint, table);
  }

  /** {@code person_badge_number_key} of table {@code person} → {@code badge_number}. */
  private static List<String> constraintColumns(String constraint, String table) {
    if (constraint == null) {
      return List.of();
    }
    String name = constraint.toLowerCase(Locale.ROOT);
    if (table != null && name.startsWith(table.toLowerCase(Locale.ROOT) + "_")) {
      name = name.substring(table.length() + 1);
    }
    name = name.replaceAll("_(key|ukey|uq|unique|idx|fkey|fk|check|ck|excl)$", "");
    return name.isEmpty() ? List.of() : List.of(name);
  }

  private static List<Problem.FieldError> fields(List<String> columns, String message) {
    if (columns.isEmpty()) {
      return List.of(new Problem.FieldError("body", message));
    }
    return columns.stream().map(c -> new Problem.FieldError(camel(c), message)).toList();
  }

  private static String names(List<Problem.FieldError> fields) {
    return String.join(", ", fields.stream().map(Problem.FieldError::field).toList());
  }

  /** {@code badge_number} → {@code badgeNumber}. */
  static String camel(String column) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : column.toCharArray()) {
      if (c == '_') {
        upper = !out.isEmpty();
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}
