package cn.gov.jingyang.ops.cases.verification;

import cn.gov.jingyang.ops.platform.pii.PersonalData;
import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.security.CallerUnit;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Which tasks the caller may see. COMMAND, AUDITOR and the provincial platform see all; a
 * STATION_OFFICER only the tasks of the unit in their token's {@code unit} claim (at that station,
 * or escalated to that unit) — any other task is 404 to them, as if it did not exist. A station
 * officer whose token names no unit is refused (403).
 */
@RequestScoped
public class TaskScope {

  private final SecurityIdentity identity;
  private final CallerUnit callerUnit;

  public TaskScope(SecurityIdentity identity, CallerUnit callerUnit) {
    this.identity = identity;
    this.callerUnit = callerUnit;
  }

  /** The unit the caller is confined to; empty when they see every station's tasks. */
  public Optional<UUID> unit() {
    if (identity.hasRole(Roles.COMMAND)
        || identity.hasRole(Roles.AUDITOR)
        || identity.hasRole(Roles.PROVINCIAL_PLATFORM)) {
      return Optional.empty();
    }
    return Optional.of(
        callerUnit
            .unitId()
            .orElseThrow(
                () ->
                    new ProblemException(
                        Problem.of(
                            403,
                            "no-unit",
                            "Forbidden",
                            "a station officer's token must name their unit (claim "
                                + CallerUnit.CLAIM
                                + ")"))));
  }

  public boolean sees(VerificationTask task) {
    return unit()
        .map(u -> u.equals(task.stationUnitId()) || u.equals(task.escalatedToUnitId()))
        .orElse(true);
  }

  /** 404 for a task the caller may not see, exactly as for one that does not exist. */
  public VerificationTask visible(Optional<VerificationTask> task, UUID id) {
    return task.filter(this::sees)
        .orElseThrow(() -> ProblemException.notFound("verification task", id));
  }

  public String name() {
    return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
  }

  /** Stations visit people and command directs them: they see ID numbers and phones in full. */
  public boolean seesPersonalData() {
    return identity.hasRole(Roles.STATION_OFFICER) || identity.hasRole(Roles.COMMAND);
  }

  public String idNumber(String value) {
    return seesPersonalData() ? value : PersonalData.maskIdNumber(value);
  }

  public String phone(String value) {
    return seesPersonalData() ? value : PersonalData.maskPhone(value);
  }
}
