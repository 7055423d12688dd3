package cn.gov.jingyang.ops.personnel.party;

import cn.gov.jingyang.ops.personnel.config.PersonnelConfig;
import cn.gov.jingyang.ops.personnel.person.Person;
import cn.gov.jingyang.ops.personnel.person.PersonRepository;
import cn.gov.jingyang.ops.personnel.person.PersonStates;
import cn.gov.jingyang.ops.personnel.unit.UnitRepository;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.transaction.Flush;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Party branches, their members and vanguard teams, and each person's party status. */
@ApplicationScoped
public class PartyBranchService {

  /** Who may be a member of a branch: full and probationary party members. */
  private static final Set<PartyStatus> MEMBERS =
      EnumSet.of(PartyStatus.MEMBER, PartyStatus.PROBATIONARY);

  private final PartyBranchRepository branches;
  private final PartyRecords records;
  private final PersonRepository people;
  private final UnitRepository units;
  private final Outbox outbox;
  private final PersonnelConfig config;
  private final PersonStates states;

  public PartyBranchService(
      PartyBranchRepository branches,
      PartyRecords records,
      PersonRepository people,
      UnitRepository units,
      Outbox outbox,
      PersonnelConfig config,
      PersonStates states) {
    this.states = states;
    this.branches = branches;
    this.records = records;
    this.people = people;
    this.units = units;
    this.outbox = outbox;
    this.config = config;
  }

  @Transactional
  public PartyBranch establish(PartyApi.EstablishBranch r) {
    if (r.unitId() != null) {
      units.requireReferenced("unitId", r.unitId());
    }
    if (r.secretaryId() != null) {
      people.requireReferenced("secretaryId", r.secretaryId()).requireActive();
    }
    PartyBranch branch =
        new PartyBranch(
            r.name(),
            r.kind(),
            r.unitId(),
            r.checkpointId(),
            r.secretaryId(),
            r.flagPresentedOn(),
            r.establishedOn());
    branches.persist(branch);
    outbox.append(PartyBranchEstablished.of(branch));
    return branch;
  }

  @Transactional
  public PartyBranch dissolve(UUID branchId, String reason) {
    PartyBranch branch = branches.require(branchId);
    dissolve(branch, reason);
    return branch;
  }

  /** A checkpoint closed: its temporary branches are dissolved (none left open is a no-op). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void dissolveTemporaryBranchesOf(UUID checkpointId, String reason) {
    if (checkpointId == null) {
      return;
    }
    branches.activeTemporaryOf(checkpointId).forEach(b -> dissolve(b, reason));
  }

  private void dissolve(PartyBranch branch, String reason) {
    branch.dissolve(reason, OffsetDateTime.now(ZoneOffset.UTC));
    Flush.orRefuse(branches::flush, Flush::changedMeanwhile, Flush::changedMeanwhile);
    outbox.append(
        new PartyBranchDissolved(
            branch.id(), branch.kind(), branch.checkpointId(), reason, branch.dissolvedAt()));
  }

  @Transactional
  public void addMember(UUID branchId, PartyApi.AddMember r) {
    PartyBranch branch = branches.require(branchId);
    branch.requireActive();
    Person person = people.requireReferenced("personId", r.personId());
    person.requireActive();
    if (!MEMBERS.contains(person.partyStatus())) {
      throw ProblemException.conflict(
          "not-a-party-member",
          "person "
              + person.id()
              + " is "
              + person.partyStatus()
              + "; only MEMBER or PROBATIONARY join a branch");
    }
    LocalDate joinedOn = r.joinedOn() == null ? LocalDate.now(config.zone()) : r.joinedOn();
    switch (records.upsertMember(branchId, person.id(), r.vanguard(), joinedOn)) {
      case ADDED ->
          outbox.append(new PartyBranchMemberAdded(branchId, person.id(), r.vanguard(), joinedOn));
      case VANGUARD_CHANGED ->
          outbox.append(new PartyBranchVanguardChanged(branchId, person.id(), r.vanguard()));
      case UNCHANGED -> {}
    }
  }

  @Transactional
  public void removeMember(UUID branchId, UUID personId) {
    branches.require(branchId).requireActive();
    if (!records.removeMember(branchId, personId)) {
      throw ProblemException.notFound("member of branch " + branchId, personId);
    }
    outbox.append(new PartyBranchMemberRemoved(branchId, personId));
  }

  /**
   * Changes a person's party status if the party file is still at the version the caller read (412
   * otherwise; the row is locked first, so of two writers of one version exactly one succeeds);
   * becoming an APPLICANT records the dated written application.
   */
  @Transactional
  public Person changePartyStatus(
      UUID personId, long expectedVersion, PartyApi.ChangePartyStatus r) {
    Person person = people.requireLocked(personId);
    if (person.partyStatusVersion() != expectedVersion) {
      throw ProblemException.preconditionFailed(
          "the party file of person "
              + personId
              + " is at version "
              + person.partyStatusVersion()
              + ", not "
              + expectedVersion
              + "; read it again (GET /people/"
              + personId
              + "/party-status)");
    }
    if (r.branchId() != null) {
      branches
          .findByIdOptional(r.branchId())
          .orElseThrow(
              () ->
                  ProblemException.unprocessable(
                      "branchId", "party branch " + r.branchId() + " does not exist"));
    }
    if (r.since().isAfter(LocalDate.now(config.zone()))) {
      throw ProblemException.badRequest("since", "must not be in the future");
    }
    boolean newApplication =
        r.status() == PartyStatus.APPLICANT && person.partyStatus() != PartyStatus.APPLICANT;
    if (r.status() == PartyStatus.APPLICANT
        && person.partyStatus() != PartyStatus.NONE
        && person.partyStatus() != PartyStatus.APPLICANT) {
      // an application is written once, from NONE; activists and members do not apply again
      throw ProblemException.illegalTransition(
          person.partyStatus(),
          r.status(),
          Arrays.stream(PartyStatus.values()).filter(s -> s != PartyStatus.APPLICANT).toList());
    }
    PartyStatus previous = person.partyStatus();
    boolean changed = person.changePartyStatus(r.status(), r.since());
    Flush.orRefuse(people::flush, Flush::changedMeanwhile, Flush::changedMeanwhile);
    if (changed) {
      outbox.append(new PartyStatusChanged(personId, previous, r.status(), r.since()));
      states.publish(person);
    }
    if (newApplication) {
      UUID id = UUID.randomUUID();
      records.insertApplication(id, personId, r.since(), r.branchId());
      outbox.append(new PartyApplicationSubmitted(id, personId, r.since(), r.branchId()));
    }
    return person;
  }

  public PartyApi.BranchView view(PartyBranch b) {
    long[] counts = records.counts(b.id());
    return new PartyApi.BranchView(
        b.id(),
        b.name(),
        b.kind(),
        b.unitId(),
        b.checkpointId(),
        b.secretaryId(),
        b.flagPresentedOn(),
        b.establishedOn(),
        b.dissolvedAt(),
        counts[0],
        counts[1]);
  }
}
