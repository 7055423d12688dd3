package cn.gov.jingyang.ops.checkpoint.checkpoint;

import cn.gov.jingyang.ops.checkpoint.personnel.PersonReferences;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Plans checkpoints, describes them and moves them through their lifecycle. */
@ApplicationScoped
public class CheckpointService {

  private final CheckpointRepository checkpoints;
  private final Outbox outbox;
  private final PersonReferences people;

  public CheckpointService(
      CheckpointRepository checkpoints, Outbox outbox, PersonReferences people) {
    this.checkpoints = checkpoints;
    this.outbox = outbox;
    this.people = people;
  }

  @Transactional
  public Checkpoint plan(CheckpointApi.CheckpointRequest request) {
    if (checkpoints.findByCode(request.code()).isPresent()) {
      throw ProblemException.conflict(
          "duplicate-code", "a checkpoint with code " + request.code().trim() + " already exists");
    }
    if (checkpoints.count() >= Checkpoint.MAX_CHECKPOINTS) {
      throw ProblemException.conflict(
          "too-many-checkpoints",
          "the district already has "
              + Checkpoint.MAX_CHECKPOINTS
              + " checkpoints, the most it plans");
    }
    Checkpoint checkpoint = Checkpoint.plan(request.code(), details(request), OffsetDateTime.now());
    checkpoints.persist(checkpoint);
    checkpoints.flush();
    outbox.append(CheckpointRegistered.of(checkpoint));
    return checkpoint;
  }

  /**
   * Changes the description of the version the caller read: the row is locked first, so of two
   * concurrent edits of the same version exactly one succeeds and the other is 412.
   */
  @Transactional
  public Checkpoint describe(
      UUID id, long expectedVersion, CheckpointApi.CheckpointRequest request, String changedBy) {
    Checkpoint checkpoint = checkpoints.requireLocked(id);
    if (checkpoint.version() != expectedVersion) {
      throw ProblemException.preconditionFailed(
          "checkpoint "
              + id
              + " is at version "
              + checkpoint.version()
              + ", not "
              + expectedVersion
              + "; read it again");
    }
    if (!checkpoint.code().equals(request.code().trim())) {
      throw ProblemException.unprocessable("code", "the code of a checkpoint cannot change");
    }
    checkpoint.describe(details(request), OffsetDateTime.now(), changedBy);
    checkpoints.flush();
    if (checkpoint.version() != expectedVersion) {
      // the description really changed (an identical PUT leaves the version and publishes nothing)
      outbox.append(CheckpointUpdated.of(checkpoint, changedBy));
    }
    return checkpoint;
  }

  /** The description, with the supervising leader checked against the person replica. */
  private Checkpoint.Details details(CheckpointApi.CheckpointRequest request) {
    return request.details(
        people.resolveOptional(
            "supervisingLeader",
            request.supervisingLeaderId(),
            request.supervisingLeaderName(),
            request.supervisingLeaderAgency()));
  }

  @Transactional
  public Checkpoint changeStatus(UUID id, CheckpointApi.StatusChange change, String changedBy) {
    Checkpoint checkpoint = checkpoints.requireLocked(id);
    CheckpointStatus previous = checkpoint.status();
    OffsetDateTime at = change.at() == null ? OffsetDateTime.now() : change.at();
    checkpoint.transitionTo(change.status(), at, change.reason(), changedBy);
    outbox.append(
        new CheckpointStatusChanged(
            checkpoint.id(),
            checkpoint.code(),
            previous,
            checkpoint.status(),
            at,
            change.reason(),
            changedBy));
    return checkpoint;
  }
}
