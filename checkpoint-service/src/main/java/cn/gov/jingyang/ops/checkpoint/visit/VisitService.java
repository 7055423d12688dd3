package cn.gov.jingyang.ops.checkpoint.visit;

import cn.gov.jingyang.ops.checkpoint.checkpoint.Checkpoint;
import cn.gov.jingyang.ops.checkpoint.checkpoint.CheckpointRepository;
import cn.gov.jingyang.ops.checkpoint.checkpoint.CheckpointStatus;
import cn.gov.jingyang.ops.checkpoint.config.CheckpointConfig;
import cn.gov.jingyang.ops.checkpoint.personnel.PersonReferences;
import cn.gov.jingyang.ops.checkpoint.personnel.PersonReplica;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.time.DistrictDays;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Records supervisory visits and answers which checkpoints a leader visited on an evening. */
@ApplicationScoped
public class VisitService {

  /** What a visit to record says about who visited. */
  public record Visitor(UUID leaderId, String leaderName, String leaderAgency) {}

  private final VisitRepository visits;
  private final CheckpointRepository checkpoints;
  private final PersonReferences people;
  private final Outbox outbox;
  private final CheckpointConfig config;

  public VisitService(
      VisitRepository visits,
      CheckpointRepository checkpoints,
      PersonReferences people,
      Outbox outbox,
      CheckpointConfig config) {
    this.visits = visits;
    this.checkpoints = checkpoints;
    this.people = people;
    this.outbox = outbox;
    this.config = config;
  }

  @Transactional
  public SupervisoryVisit record(
      UUID checkpointId,
      Visitor visitor,
      OffsetDateTime visitedAt,
      String findings,
      String instructions,
      String recordedBy) {
    Checkpoint checkpoint = checkpoints.require(checkpointId);
    if (visitedAt.isAfter(OffsetDateTime.now().plusMinutes(10))) {
      throw ProblemException.unprocessable("visitedAt", "lies in the future");
    }
    SupervisoryVisit visit =
        SupervisoryVisit.record(
            checkpoint.id(), leader(visitor), visitedAt, findings, instructions, recordedBy);
    visits.persist(visit);
    outbox.append(SupervisoryVisitRecorded.of(visit, checkpoint.code()));
    return visit;
  }

  /**
   * This bureau's leader by personnel id (known and active; the name is personnel-service's), or
   * someone from another agency by name and agency. Never both: a name sent with an id is refused
   * rather than silently replaced.
   */
  private VisitingLeader leader(Visitor v) {
    if (v.leaderId() != null) {
      if (present(v.leaderName())) {
        throw ProblemException.unprocessable(
            "leaderName", "must be absent with leaderId: the name comes from personnel-service");
      }
      if (present(v.leaderAgency())) {
        throw ProblemException.unprocessable(
            "leaderAgency", "must be absent with leaderId: a personnel id is of this bureau");
      }
      PersonReplica person = people.requireActive(v.leaderId(), "leaderId");
      return new VisitingLeader(person.personId(), person.name(), null);
    }
    if (!present(v.leaderName())) {
      throw ProblemException.unprocessable(
          "leaderName", "required without leaderId (a leader from another agency)");
    }
    if (!present(v.leaderAgency())) {
      throw ProblemException.unprocessable(
          "leaderAgency", "required without leaderId (a leader from another agency)");
    }
    return new VisitingLeader(null, v.leaderName().trim(), v.leaderAgency().trim());
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  public SupervisoryVisit require(UUID id) {
    return visits.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("visit", id));
  }

  /**
   * The checkpoints active on {@code date}'s evening (ACTIVE now and activated before the evening
   * ended), split by whether a leader visited them in it.
   */
  public VisitCoverage coverage(LocalDate date) {
    LocalDate day = date == null ? LocalDate.now(DistrictDays.ZONE) : date;
    ZonedDateTime start = day.atTime(config.visit().eveningStart()).atZone(DistrictDays.ZONE);
    OffsetDateTime from = start.toOffsetDateTime();
    OffsetDateTime to = start.plus(config.visit().eveningLength()).toOffsetDateTime();
    Map<UUID, List<VisitCoverage.EveningVisit>> byCheckpoint =
        visits.between(from, to).stream()
            .collect(
                Collectors.groupingBy(
                    SupervisoryVisit::checkpointId,
                    Collectors.mapping(VisitService::eveningVisit, Collectors.toList())));
    List<VisitCoverage.CheckpointCoverage> covered = new ArrayList<>();
    List<VisitCoverage.CheckpointCoverage> notCovered = new ArrayList<>();
    List<Checkpoint> active =
        checkpoints.list(
            "status = ?1 and activatedAt < ?2", Sort.by("code"), CheckpointStatus.ACTIVE, to);
    for (Checkpoint c : active) {
      List<VisitCoverage.EveningVisit> made = byCheckpoint.getOrDefault(c.id(), List.of());
      (made.isEmpty() ? notCovered : covered)
          .add(
              new VisitCoverage.CheckpointCoverage(
                  c.id(),
                  c.code(),
                  c.name(),
                  made.subList(0, Math.min(made.size(), VisitCoverage.MAX_VISITS_SHOWN))));
    }
    return new VisitCoverage(day, from, to, covered, notCovered);
  }

  private static VisitCoverage.EveningVisit eveningVisit(SupervisoryVisit v) {
    VisitingLeader leader = v.leader();
    return new VisitCoverage.EveningVisit(
        v.id(),
        v.visitedAt().atZoneSameInstant(DistrictDays.ZONE).toOffsetDateTime(),
        leader.personId(),
        leader.name(),
        leader.agency());
  }
}
