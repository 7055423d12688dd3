package cn.gov.jingyang.ops.platform.idempotency;

import cn.gov.jingyang.ops.platform.correlation.TraceContext;
import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Runs an {@link Idempotent} resource method that got an {@code Idempotency-Key} in one transaction
 * with its key: claim the key (waiting for a concurrent duplicate), run the method (its services'
 * transactions join this one), store the response, commit. A crash therefore never leaves a change
 * without its stored response or a response without its change. Runs before {@code @Transactional}
 * (priority 200) and after the security checks.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotentRequests {

  /** Resource of the transaction of an idempotent request ({@link ServiceBoundaryFlush}). */
  static final String TRANSACTION_MARKER = IdempotentRequests.class.getName();

  private static final Logger LOG = Logger.getLogger(IdempotentRequests.class);
  private static final int MAX_KEY_LENGTH = 255;

  private record Outcome(Object response, boolean commit) {}

  private final CurrentVertxRequest current;
  private final SecurityIdentity identity;
  private final TransactionManager transactions;
  private final TransactionSynchronizationRegistry registry;
  private final IdempotencyKeys keys;
  private final IdempotencyConfig config;
  private final ObjectMapper json;
  private final RequestFingerprint fingerprint;

  public IdempotentRequests(
      CurrentVertxRequest current,
      SecurityIdentity identity,
      TransactionManager transactions,
      TransactionSynchronizationRegistry registry,
      IdempotencyKeys keys,
      IdempotencyConfig config,
      ObjectMapper json) {
    this.current = current;
    this.identity = identity;
    this.transactions = transactions;
    this.registry = registry;
    this.keys = keys;
    this.config = config;
    this.json = json;
    this.fingerprint = new RequestFingerprint(json);
  }

  @AroundInvoke
  Object around(InvocationContext ctx) throws Exception {
    HttpServerRequest request =
        current.getCurrent() == null ? null : current.getCurrent().request();
    List<String> values = request == null ? List.of() : request.headers().getAll(Idempotent.HEADER);
    if (values.isEmpty()) {
      return ctx.proceed();
    }
    String key = validKey(values);
    String hash =
        fingerprint.of(
            request.method().name(),
            request.path(),
            request.query(),
            ctx.getMethod(),
            ctx.getParameters());
    boolean began = transactions.getStatus() == Status.STATUS_NO_TRANSACTION;
    if (began) {
      transactions.begin();
    }
    boolean commit = false;
    Outcome outcome;
    try {
      outcome = run(ctx, caller(), key, hash, request.path());
      commit = outcome.commit();
    } finally {
      finish(began, commit);
    }
    return deliver(ctx, outcome.response());
  }

  /**
   * A method declared to return an entity cannot return a Response from here (the caller casts it);
   * the response then reaches the REST layer as {@link StoredAnswer}, after the commit.
   */
  private static Object deliver(InvocationContext ctx, Object response) {
    if (response instanceof Response answer
        && !ctx.getMethod().getReturnType().isAssignableFrom(Response.class)) {
      throw new StoredAnswer(answer);
    }
    return response;
  }

  private Outcome run(InvocationContext ctx, String caller, String key, String hash, String path)
      throws Exception {
    Optional<IdempotencyKeys.Earlier> earlier;
    try {
      earlier =
          keys.claim(
              caller, key, hash, config.duplicateWait(), Instant.now().minus(config.retention()));
    } catch (IdempotencyKeys.StillRunning e) {
      return new Outcome(inProgress(key, path), false);
    }
    if (earlier.isPresent()) {
      if (!earlier.get().requestHash().equals(hash)) {
        throw reused(key);
      }
      return new Outcome(earlier.get().response().toResponse(true), false);
    }
    registry.putResource(TRANSACTION_MARKER, Boolean.TRUE);
    Object result = ctx.proceed();
    StoredResponse response = StoredResponse.of(result, json);
    if (!response.successful()) {
      keys.release(caller, key);
      return new Outcome(result, true);
    }
    keys.complete(caller, key, response);
    return new Outcome(response.toResponse(false), true);
  }

  private void finish(boolean began, boolean commit) throws Exception {
    if (began && commit) {
      transactions.commit();
    } else if (began) {
      try {
        transactions.rollback();
      } catch (Exception e) {
        LOG.warnf(e, "rolling back an idempotent request failed");
      }
    } else if (!commit) {
      transactions.setRollbackOnly();
    }
  }

  /** Whose key it is: the token's subject, so one caller never sees another's stored response. */
  private String caller() {
    Principal principal = identity.isAnonymous() ? null : identity.getPrincipal();
    if (principal == null) {
      return "anonymous";
    }
    if (principal instanceof JsonWebToken token && token.getSubject() != null) {
      return token.getSubject();
    }
    return principal.getName();
  }

  /** 1 to 255 printable ASCII characters, sent once. */
  static String validKey(List<String> values) {
    if (values.size() > 1) {
      throw ProblemException.badRequest(Idempotent.HEADER, "send the header once");
    }
    String key = values.get(0);
    if (key.isEmpty()
        || key.length() > MAX_KEY_LENGTH
        || !key.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f)) {
      throw ProblemException.badRequest(
          Idempotent.HEADER,
          "must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters, e.g. a UUID");
    }
    return key;
  }

  private static ProblemException reused(String key) {
    String message = "was already used for a different request; use a new key for a new request";
    return new ProblemException(
        new Problem(
            "idempotency-key-reused",
            "Idempotency key reused",
            422,
            Idempotent.HEADER + " " + key + " " + message,
            List.of(new Problem.FieldError(Idempotent.HEADER, message))));
  }

  /** 409 with Retry-After: the first request with this key is still running. */
  private static Response inProgress(String key, String path) {
    Problem problem =
        Problem.of(
                409,
                "request-in-progress",
                "Request in progress",
                "a request with "
                    + Idempotent.HEADER
                    + " "
                    + key
                    + " is still being processed; retry after the time in Retry-After to get its response")
            .with("retryAfterSeconds", 1);
    try {
      problem.setInstance(URI.create(path));
    } catch (IllegalArgumentException e) {
      // a path that is no URI reference names no instance
    }
    problem.setCorrelationId(TraceContext.correlationId());
    return Response.status(409)
        .type(Problem.MEDIA_TYPE)
        .header("Retry-After", "1")
        .entity(problem)
        .build();
  }
}
