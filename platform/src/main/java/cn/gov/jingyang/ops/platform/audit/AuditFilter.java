package cn.gov.jingyang.ops.platform.audit;

import cn.gov.jingyang.ops.platform.correlation.TraceContext;
import cn.gov.jingyang.ops.platform.idempotency.Idempotent;
import cn.gov.jingyang.ops.platform.pii.PersonalData;
import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.problem.ProblemResponse;
import cn.gov.jingyang.ops.platform.security.CallerUnit;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * At the end of a request that disclosed personal data in clear ({@link Disclosures}), appends one
 * row to the audit trail before the answer leaves: who (token subject, roles, unit), what (method
 * and path, the fields), why ({@value #PURPOSE_HEADER}), the request id. If the row cannot be
 * written the clear answer is not served: the caller gets 503 problem+json instead. Error answers
 * (4xx, 5xx) carry no personal data and are not recorded. A stored answer replayed for a repeated
 * {@code Idempotency-Key} runs no resource method: what it shows in clear is found in its text.
 */
public class AuditFilter {

  /** The optional header in which a caller states why they read personal data. */
  public static final String PURPOSE_HEADER = "X-Purpose";

  static final int MAX_PURPOSE = 500;

  private static final Logger LOG = Logger.getLogger(AuditFilter.class);

  private final Disclosures disclosures;
  private final SecurityIdentity identity;
  private final CallerUnit callerUnit;
  private final AuditTrail trail;

  public AuditFilter(
      Disclosures disclosures, SecurityIdentity identity, CallerUnit callerUnit, AuditTrail trail) {
    this.disclosures = disclosures;
    this.identity = identity;
    this.callerUnit = callerUnit;
    this.trail = trail;
  }

  @ServerResponseFilter(priority = 100)
  public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() >= 400) {
      return Uni.createFrom().voidItem();
    }
    if ("true".equals(response.getHeaderString(Idempotent.REPLAYED_HEADER))
        && response.getEntity() instanceof String replayed) {
      noteClearIn(replayed);
    }
    if (!disclosures.any()) {
      return Uni.createFrom().voidItem();
    }
    AuditTrail.Disclosure disclosure = disclosure(request);
    if (BlockingOperationControl.isBlockingAllowed()) {
      append(disclosure, request, response);
      return Uni.createFrom().voidItem();
    }
    return Uni.createFrom()
        .item(
            () -> {
              append(disclosure, request, response);
              return (Void) null;
            })
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  private void noteClearIn(String body) {
    if (PersonalData.holdsIdNumber(body)) {
      disclosures.note(Disclosures.ID_NUMBER);
    }
    if (PersonalData.holdsPhone(body)) {
      disclosures.note(Disclosures.PHONE);
    }
  }

  private AuditTrail.Disclosure disclosure(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    String subject =
        request.getMethod() + " " + (path == null || path.startsWith("/") ? path : "/" + path);
    return new AuditTrail.Disclosure(
        identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName(),
        identity.getRoles().stream().sorted().toList(),
        callerUnit.unitId().map(UUID::toString).orElse(null),
        PersonalData.maskText(subject),
        disclosures.fields(),
        purpose(request.getHeaderString(PURPOSE_HEADER)),
        TraceContext.correlationId());
  }

  /** The stated purpose, trimmed, at most 500 characters, personal data in it masked. */
  static String purpose(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String text = header.strip();
    return PersonalData.maskText(
        text.length() > MAX_PURPOSE ? text.substring(0, MAX_PURPOSE) : text);
  }

  private void append(
      AuditTrail.Disclosure disclosure,
      ContainerRequestContext request,
      ContainerResponseContext response) {
    try {
      trail.append(disclosure);
    } catch (RuntimeException e) {
      LOG.errorf(
          e, "audit trail not written: the clear answer to %s is withheld", disclosure.subject());
      withhold(request, response);
    }
  }

  private static void withhold(ContainerRequestContext request, ContainerResponseContext response) {
    Problem problem =
        Problem.of(
            503,
            "audit-unavailable",
            "Service Unavailable",
            "personal data is served only once its reading is recorded in the audit trail, which"
                + " is unavailable now; try again later");
    Response answer = ProblemResponse.of(problem, request.getUriInfo()).build();
    for (String header :
        List.of(
            HttpHeaders.ETAG,
            HttpHeaders.LOCATION,
            HttpHeaders.LAST_MODIFIED,
            "Content-Location")) {
      response.getHeaders().remove(header);
    }
    response.setStatus(answer.getStatus());
    response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, "5");
    response.setEntity(
        answer.getEntity(), new Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
  }
}
