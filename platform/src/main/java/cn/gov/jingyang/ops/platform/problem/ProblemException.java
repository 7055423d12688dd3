package cn.gov.jingyang.ops.platform.problem;

import java.util.List;

/**
 * Thrown by domain code to answer with a specific problem: an unknown resource, a conflict, a rule
 * that refuses the request. The message is shown to the caller, so it must not leak internals.
 */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.getDetail(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public static ProblemException notFound(String what, Object id) {
    return new ProblemException(
        Problem.of(404, "not-found", "Not found", what + " " + id + " does not exist"));
  }

  public static ProblemException conflict(String slug, String detail) {
    return new ProblemException(Problem.of(409, slug, "Conflict", detail));
  }

  /** An illegal state transition: 409 naming the transitions that are allowed from here. */
  public static ProblemException illegalTransition(Object from, Object to, List<?> allowed) {
    return new ProblemException(
        Problem.of(
                409,
                "illegal-transition",
                "Illegal transition",
                "cannot go from " + from + " to " + to + "; allowed: " + allowed)
            .with("from", from)
            .with("to", to)
            .with("allowed", allowed));
  }

  public static ProblemException unprocessable(String field, String message) {
    return new ProblemException(
        new Problem(
            "unprocessable",
            "Request is well-formed but cannot be accepted",
            422,
            field + ": " + message,
            List.of(new Problem.FieldError(field, message))));
  }

  public static ProblemException badRequest(String field, String message) {
    return new ProblemException(
        new Problem(
            "validation",
            "Invalid request",
            400,
            field + ": " + message,
            List.of(new Problem.FieldError(field, message))));
  }

  public static ProblemException preconditionFailed(String detail) {
    return new ProblemException(Problem.of(412, "stale-version", "Precondition failed", detail));
  }

  public static ProblemException tooLarge(String detail) {
    return new ProblemException(Problem.of(413, "too-large", "Request too large", detail));
  }
}
