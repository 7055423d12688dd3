package cn.gov.jingyang.ops.cases.casefile;

import cn.gov.jingyang.ops.cases.casefile.CaseApi.CaseDescription;
import cn.gov.jingyang.ops.cases.casefile.CaseApi.CaseRequest;
import cn.gov.jingyang.ops.cases.casefile.CaseApi.PartyRequest;
import cn.gov.jingyang.ops.cases.personnel.AssignableOfficers;
import cn.gov.jingyang.ops.cases.personnel.PersonReplica;
import cn.gov.jingyang.ops.cases.routing.KnownUnits;
import cn.gov.jingyang.ops.cases.verification.ConcealedExposureFound;
import cn.gov.jingyang.ops.platform.gazetteer.Town;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import cn.gov.jingyang.ops.platform.pii.PersonalData;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.transaction.TransactionLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reports cases, describes them, moves them through their lifecycle; the rules are here. */
@ApplicationScoped
public class CaseFileService {

  private final CaseFileRepository cases;
  private final CaseNumbers numbers;
  private final AssignableOfficers officers;
  private final CaseTowns towns;
  private final KnownUnits units;
  private final Outbox outbox;

  public CaseFileService(
      CaseFileRepository cases,
      CaseNumbers numbers,
      AssignableOfficers officers,
      CaseTowns towns,
      KnownUnits units,
      Outbox outbox) {
    this.cases = cases;
    this.numbers = numbers;
    this.officers = officers;
    this.towns = towns;
    this.units = units;
    this.outbox = outbox;
  }

  @Transactional
  public CaseFile report(CaseRequest r, String by) {
    OffsetDateTime now = OffsetDateTime.now();
    Town town = towns.require(r.town());
    units.require(r.leadUnitId(), "leadUnitId");
    List<PersonReplica> team = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    List<UUID> requested = r.officers() == null ? List.of() : r.officers();
    for (int i = 0; i < requested.size(); i++) {
      String field = "officers[" + i + "]";
      if (!seen.add(requested.get(i))) {
        throw ProblemException.unprocessable(field, "officer " + requested.get(i) + " twice");
      }
      team.add(officers.require(requested.get(i), field, now));
    }
    CaseFile.Details details =
        new CaseFile.Details(
            r.kind(),
            r.summary().strip(),
            r.reportedAt(),
            town.code(),
            town.name(),
            blankToNull(r.address()),
            r.leadUnitId(),
            r.partnerAgencies(),
            parties(r.parties()),
            r.impact());
    CaseFile c = CaseFile.report(numbers.next(r.reportedAt()), r.source(), details, null, by, now);
    team.forEach(p -> c.assign(p.personId(), p.name(), by, now));
    cases.persist(c);
    cases.flush();
    outbox.append(CaseReported.of(c));
    c.officers().forEach(o -> outbox.append(assigned(c, o)));
    return c;
  }

  /**
   * A household verification ended with CONCEALED_EXPOSURE: its case is opened in the completing
   * transaction, so the task's completion and the case commit together or not at all.
   */
  void onConcealedExposure(@Observes ConcealedExposureFound found) {
    openFromVerification(found);
  }

  /**
   * Opens the CONCEALMENT_OF_EXPOSURE case (source VERIFICATION) of a household-verification task,
   * exactly once: a second call for the same task — a repeated completion, a redelivered event, a
   * concurrent call — returns the case the first one opened. Joins the caller's transaction.
   */
  @Transactional
  public CaseFile openFromVerification(ConcealedExposureFound f) {
    UUID taskId = f.taskId();
    // calls for the same task take turns; the unique linked_task_id is the backstop
    TransactionLock.take(cases.getEntityManager(), "case-from-task:" + taskId);
    Optional<CaseFile> existing = cases.findByLinkedTask(taskId);
    if (existing.isPresent()) {
      return existing.get();
    }
    OffsetDateTime now = OffsetDateTime.now();
    OffsetDateTime foundAt = f.completedAt() == null ? now : f.completedAt();
    Optional<Town> town = towns.byCode(f.townCode());
    String summary =
        "household verification found concealed exposure"
            + (f.note() == null || f.note().isBlank() ? "" : ": " + f.note().strip());
    List<Party> parties =
        f.personName() == null
            ? List.of()
            : List.of(new Party(f.personName(), f.idNumber(), f.phone(), PartyRole.SUSPECT));
    CaseFile.Details details =
        new CaseFile.Details(
            CaseKind.CONCEALMENT_OF_EXPOSURE,
            summary,
            foundAt,
            town.map(Town::code).orElse(null),
            town.map(Town::name).orElse(null),
            f.address(),
            f.stationUnitId(),
            List.of(),
            parties,
            Impact.NONE);
    String by = f.completedBy() == null ? "case-service" : f.completedBy();
    CaseFile c =
        CaseFile.report(numbers.next(foundAt), CaseSource.VERIFICATION, details, taskId, by, now);
    cases.persist(c);
    cases.flush();
    outbox.append(CaseReported.of(c));
    return c;
  }

  /** Changes the description of the version the caller read (412 if stale). */
  @Transactional
  public CaseFile describe(
      UUID id, long expectedVersion, CaseDescription r, CaseScope scope, String by) {
    CaseFile c = lockedAt(id, expectedVersion, scope);
    Town town = towns.require(r.town());
    if (!r.leadUnitId().equals(c.details().leadUnitId())) {
      units.require(r.leadUnitId(), "leadUnitId");
    }
    OffsetDateTime reportedAt = c.details().reportedAt();
    CaseFile.Details details =
        new CaseFile.Details(
            r.kind(),
            r.summary().strip(),
            r.reportedAt().isEqual(reportedAt) ? reportedAt : r.reportedAt(),
            town.code(),
            town.name(),
            blankToNull(r.address()),
            r.leadUnitId(),
            r.partnerAgencies() == null ? List.of() : List.copyOf(r.partnerAgencies()),
            parties(r.parties()),
            (r.impact() == null ? Impact.NONE : r.impact()).normalised());
    if (details.equals(c.details())) {
      return c; // nothing changed: no new version, no event
    }
    c.describe(details, by, OffsetDateTime.now());
    cases.flush();
    outbox.append(CaseUpdated.of(c, by));
    return c;
  }

  @Transactional
  public CaseFile changeStatus(
      UUID id, long expectedVersion, CaseApi.StatusChange change, CaseScope scope, String by) {
    CaseFile c = lockedAt(id, expectedVersion, scope);
    CaseStatus previous = c.status();
    OffsetDateTime now = OffsetDateTime.now();
    c.transitionTo(change.status(), change.legalBasis(), change.note(), by, now);
    outbox.append(
        new CaseStatusChanged(
            c.id(),
            c.number(),
            c.kind(),
            previous,
            c.status(),
            c.legalBasis(),
            PersonalData.maskText(change.note()),
            now,
            by));
    return c;
  }

  @Transactional
  public CaseFile assignOfficer(
      UUID id, Long expectedVersion, UUID personId, CaseScope scope, String by) {
    CaseFile c = lockedAt(id, expectedVersion, scope);
    OffsetDateTime now = OffsetDateTime.now();
    PersonReplica person = officers.require(personId, "personId", now);
    AssignedOfficer officer = c.assign(person.personId(), person.name(), by, now);
    outbox.append(assigned(c, officer));
    return c;
  }

  @Transactional
  public CaseFile recordSeizure(
      UUID id, Long expectedVersion, CaseApi.SeizureRequest r, CaseScope scope, String by) {
    CaseFile c = lockedAt(id, expectedVersion, scope);
    Seizure seizure =
        new Seizure(
            r.item().strip(),
            r.quantity(),
            r.unit().strip(),
            r.custodyStatus(),
            OffsetDateTime.now(),
            by);
    c.recordSeizure(seizure);
    outbox.append(
        new CaseSeizureRecorded(
            c.id(),
            c.number(),
            seizure.item(),
            seizure.quantity(),
            seizure.unit(),
            seizure.custodyStatus(),
            seizure.recordedAt(),
            by));
    return c;
  }

  @Transactional
  public CaseFile recordAction(
      UUID id, Long expectedVersion, CaseApi.ActionRequest r, CaseScope scope, String by) {
    CaseFile c = lockedAt(id, expectedVersion, scope);
    OffsetDateTime at = r.at() == null ? OffsetDateTime.now() : r.at();
    CaseAction action = c.record(at, by, CaseAction.Kind.NOTE, r.text().strip());
    outbox.append(
        new CaseActionRecorded(
            c.id(), c.number(), action.at(), by, PersonalData.maskText(action.text())));
    return c;
  }

  /**
   * The case locked, if the caller may see it (else 404, before any other answer); if the caller
   * named a version, it must be the current one (else 412).
   */
  private CaseFile lockedAt(UUID id, Long expectedVersion, CaseScope scope) {
    CaseFile c = scope.visible(cases.requireLocked(id));
    if (expectedVersion != null && c.version() != expectedVersion) {
      throw ProblemException.preconditionFailed(
          "case "
              + c.number()
              + " is at version "
              + c.version()
              + ", not "
              + expectedVersion
              + "; read it again");
    }
    return c;
  }

  private static List<Party> parties(List<PartyRequest> requests) {
    return requests == null ? List.of() : requests.stream().map(PartyRequest::party).toList();
  }

  private static CaseOfficerAssigned assigned(CaseFile c, AssignedOfficer o) {
    return new CaseOfficerAssigned(
        c.id(), c.number(), o.personId(), o.name(), o.assignedAt(), o.assignedBy());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
