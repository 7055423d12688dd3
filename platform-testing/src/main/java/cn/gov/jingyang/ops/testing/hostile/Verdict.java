package cn.gov.jingyang.ops.testing.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges one answer: no 5xx, every error problem+json with the status in its body, no internals in
 * any body, a body over the limit refused with 413, and an answer for every request. A message that
 * is not HTTP at all ({@link HostileRequest#malformedHttp()}) only needs no 5xx and no internals.
 */
public final class Verdict {

  /** Strings that only a stack trace or a leaked database error puts in a body. */
  public static final List<String> STACK_MARKERS =
      List.of(
          "Exception",
          "\tat ",
          "at cn.gov",
          "org.hibernate",
          "java.lang.",
          "SQLState",
          "org.postgresql");

  private static final ObjectMapper JSON = new ObjectMapper();

  private Verdict() {}

  /** The error codes of an OAuth 2.0 token endpoint (RFC 6749 §5.2). */
  public static final java.util.Set<String> OAUTH_ERRORS =
      java.util.Set.of(
          "invalid_request",
          "invalid_client",
          "invalid_grant",
          "unauthorized_client",
          "unsupported_grant_type",
          "invalid_scope");

  /** The kinds of failure of this exchange (empty if it passes). */
  public static List<String> judge(HostileRequest request, Exchange answer) {
    return judge(request, answer, java.util.Set.of());
  }

  /**
   * As {@link #judge(HostileRequest, Exchange)}, where the operations named in {@code
   * oauthOperations} ("POST /oauth/token") may also answer 400 and 401 in OAuth's documented error
   * format (RFC 6749 §5.2): application/json with {@code error} one of {@link #OAUTH_ERRORS}.
   */
  public static List<String> judge(
      HostileRequest request, Exchange answer, java.util.Set<String> oauthOperations) {
    List<String> failures = new ArrayList<>();
    if (request.malformedHttp()) {
      if (answer.status() >= 500) {
        failures.add(answer.status() + " to a message that is not HTTP");
      }
      internals(answer, failures);
      return failures;
    }
    if (answer.status() < 0) {
      failures.add("no answer (" + shortFailure(answer.failure()) + ")");
      return failures;
    }
    int status = answer.status();
    String type =
        answer.contentType().isEmpty() ? "no Content-Type" : answer.contentType().split(";")[0];
    if (status >= 500) {
      failures.add(status + " " + type);
    }
    if (status >= 400) {
      if (oauthOperations.contains(request.operation()) && oauthError(status, answer)) {
        // the documented exception: OAuth's own error format
      } else if (!answer.contentType().toLowerCase().startsWith("application/problem+json")) {
        failures.add(status + " not problem+json (" + type + ")");
      } else if (!request.method().equals("HEAD")) {
        problemBody(status, answer.body(), failures);
      }
    }
    internals(answer, failures);
    if (request.oversized() && status != 413) {
      failures.add("body over the limit answered " + status + ", not 413");
    }
    return failures;
  }

  private static boolean oauthError(int status, Exchange answer) {
    if ((status != 400 && status != 401)
        || !answer.contentType().toLowerCase().startsWith("application/json")) {
      return false;
    }
    try {
      JsonNode body = JSON.readTree(answer.body());
      return body != null && OAUTH_ERRORS.contains(body.path("error").asText());
    } catch (Exception e) {
      return false;
    }
  }

  private static void internals(Exchange answer, List<String> failures) {
    for (String marker : STACK_MARKERS) {
      if (answer.body().contains(marker)) {
        failures.add("internals in the body (\"" + HostileRequest.visible(marker) + "\")");
        return;
      }
    }
  }

  private static void problemBody(int status, String body, List<String> failures) {
    try {
      JsonNode problem = JSON.readTree(body);
      if (problem == null
          || !problem.path("status").canConvertToInt()
          || problem.path("status").asInt() != status) {
        failures.add(status + " problem+json without \"status\": " + status);
      }
    } catch (Exception e) {
      failures.add(status + " problem+json body is not JSON");
    }
  }

  private static String shortFailure(String failure) {
    if (failure == null) {
      return "unknown";
    }
    if (failure.startsWith("connection reset")) {
      return "connection reset";
    }
    if (failure.startsWith("no complete answer")) {
      return "timed out";
    }
    return failure.length() > 60 ? failure.substring(0, 60) : failure;
  }
}
