package cn.gov.jingyang.ops.cases.casefile;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.security.CallerUnit;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Which cases the caller may see. COMMAND, AUDITOR and STATION_OFFICER see every case; an
 * INVESTIGATOR only the cases their unit leads (the token's {@code unit} claim) and those they are
 * assigned to (the token's subject is their person id, as personnel-service knows them). Any other
 * case is 404 to an investigator, on reads and changes alike, as if it did not exist.
 */
@RequestScoped
public class CaseScope {

  /** What an investigator reaches: cases led by {@code unit}, or with {@code officer} on them. */
  public record Reach(Optional<UUID> unit, Optional<UUID> officer) {}

  private final SecurityIdentity identity;
  private final CallerUnit callerUnit;

  public CaseScope(SecurityIdentity identity, CallerUnit callerUnit) {
    this.identity = identity;
    this.callerUnit = callerUnit;
  }

  /** The cases the caller is confined to; empty when they see every case. */
  public Optional<Reach> reach() {
    if (identity.hasRole(Roles.COMMAND)
        || identity.hasRole(Roles.AUDITOR)
        || identity.hasRole(Roles.STATION_OFFICER)
        || !identity.hasRole(Roles.INVESTIGATOR)) {
      return Optional.empty();
    }
    return Optional.of(new Reach(callerUnit.unitId(), personId()));
  }

  public boolean sees(CaseFile c) {
    return reach()
        .map(
            r ->
                r.unit().filter(u -> u.equals(c.details().leadUnitId())).isPresent()
                    || r.officer()
                        .filter(p -> c.officers().stream().anyMatch(o -> p.equals(o.personId())))
                        .isPresent())
        .orElse(true);
  }

  /** 404 for a case the caller may not see, exactly as for one that does not exist. */
  public CaseFile visible(CaseFile c) {
    if (!sees(c)) {
      throw ProblemException.notFound("case", c.id());
    }
    return c;
  }

  /** The token's subject as a person id; empty if it is none (then no case is theirs by it). */
  private Optional<UUID> personId() {
    if (identity.isAnonymous()) {
      return Optional.empty();
    }
    String subject =
        identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
            ? token.getSubject()
            : identity.getPrincipal().getName();
    try {
      return subject == null ? Optional.empty() : Optional.of(UUID.fromString(subject.trim()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
