package cn.gov.jingyang.ops.cases.verification;

import cn.gov.jingyang.ops.platform.pii.PersonalDataViewer;
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
  private final PersonalDataViewer personalData;

  public TaskScope(
      SecurityIdentity identity, CallerUnit callerUnit, PersonalDataViewer personalData) {
    this.identity = identity;
    this.callerUnit = callerUnit;
    this.personalData = personalData;
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

  /** The token's subject: the author of what this request records. */
  public String name() {
    return personalData.name();
  }

  /** The ID number as the platform's one rule lets this caller see it. */
  public String idNumber(String value) {
    return personalData.idNumber(value);
  }

  /** The phone as the platform's one rule lets this caller see it. */
  public String phone(String value) {
    return personalData.phone(value);
  }
}
