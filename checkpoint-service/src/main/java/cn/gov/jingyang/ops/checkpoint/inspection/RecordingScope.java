package cn.gov.jingyang.ops.checkpoint.inspection;

import cn.gov.jingyang.ops.checkpoint.checkpoint.Checkpoint;
import cn.gov.jingyang.ops.checkpoint.shift.ShiftRepository;
import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.security.CallerUnit;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.platform.time.DistrictDays;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Where a checkpoint officer may record inspections. A CHECKPOINT_OFFICER records at checkpoint C
 * only if the unit in their token's {@code unit} claim runs C (its {@code unitId}), or if their
 * token's subject is the personnel id of a member of a shift at C, not cancelled, that overlaps the
 * Asia/Shanghai day of the inspection ({@code inspectedAt}; for a record made now, today's shift).
 * Anything else is 403 naming the rule. A caller who also holds COMMAND is not confined.
 */
@RequestScoped
public class RecordingScope {

  private final SecurityIdentity identity;
  private final CallerUnit callerUnit;
  private final ShiftRepository shifts;

  public RecordingScope(SecurityIdentity identity, CallerUnit callerUnit, ShiftRepository shifts) {
    this.identity = identity;
    this.callerUnit = callerUnit;
    this.shifts = shifts;
  }

  /** Refuses (403) an inspection at the checkpoint made at that time, if outside the scope. */
  public void requireMayRecordAt(Checkpoint checkpoint, OffsetDateTime inspectedAt) {
    if (identity.hasRole(Roles.COMMAND) || !identity.hasRole(Roles.CHECKPOINT_OFFICER)) {
      return;
    }
    Optional<UUID> unit = callerUnit.unitId();
    if (unit.isPresent() && unit.get().equals(checkpoint.unitId())) {
      return;
    }
    Optional<UUID> person = personId();
    if (person.isPresent()
        && shifts.isOnShiftAt(person.get(), checkpoint.id(), DistrictDays.dayOf(inspectedAt))) {
      return;
    }
    throw new ProblemException(
        Problem.of(
                403,
                "outside-checkpoint-scope",
                "Forbidden",
                "a checkpoint officer records inspections only at checkpoints their unit runs"
                    + " (token claim "
                    + CallerUnit.CLAIM
                    + " = the checkpoint's unitId) or where they are on a shift that day"
                    + " (Asia/Shanghai day of inspectedAt); checkpoint "
                    + checkpoint.code()
                    + " is neither for this caller")
            .with("checkpointId", checkpoint.id()));
  }

  /** The token's subject read as a personnel id; empty for a login name or a system client. */
  private Optional<UUID> personId() {
    if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
      return Optional.empty();
    }
    String subject = token.getSubject() == null ? token.getName() : token.getSubject();
    try {
      return subject == null ? Optional.empty() : Optional.of(UUID.fromString(subject.trim()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
