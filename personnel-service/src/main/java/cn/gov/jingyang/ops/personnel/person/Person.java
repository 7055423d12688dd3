package cn.gov.jingyang.ops.personnel.person;

import cn.gov.jingyang.ops.personnel.duty.DutyStatus;
import cn.gov.jingyang.ops.personnel.party.PartyStatus;
import cn.gov.jingyang.ops.platform.pii.SealedText;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A member of the force's records. Never deleted: deactivated, and then frozen. */
@Entity
@Table(name = "person")
public class Person {

  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  private PersonCategory category;

  @Column(name = "badge_number")
  private String badgeNumber;

  private String name;

  @Column(name = "unit_id")
  private UUID unitId;

  private String position;

  /** Sealed in the table, clear here (see {@link SealedText}). */
  @Convert(converter = SealedText.class)
  private String phone;

  private String[] qualifications;

  @Enumerated(EnumType.STRING)
  @Column(name = "duty_status")
  private DutyStatus dutyStatus;

  @Column(name = "duty_status_since")
  private OffsetDateTime dutyStatusSince;

  /** When a dated duty-status change next begins or ends; null if none is pending. */
  @Column(name = "duty_status_review_at")
  private OffsetDateTime dutyStatusReviewAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "party_status")
  private PartyStatus partyStatus;

  @Column(name = "party_status_since")
  private LocalDate partyStatusSince;

  /** The version of the party file alone: the ETag of GET /people/{id}/party-status. */
  @Column(name = "party_status_version")
  private long partyStatusVersion;

  private boolean active;

  @Column(name = "deactivated_at")
  private OffsetDateTime deactivatedAt;

  @Column(name = "deactivation_reason")
  private String deactivationReason;

  @Version private long version;

  protected Person() {}

  public Person(PersonDetails details, OffsetDateTime now) {
    this.id = UUID.randomUUID();
    this.dutyStatus = DutyStatus.AVAILABLE;
    this.dutyStatusSince = now;
    this.partyStatus = PartyStatus.NONE;
    this.active = true;
    apply(details);
  }

  /** Replaces the record's details (not its duty or party status). */
  public void update(PersonDetails details) {
    requireActive();
    apply(details);
  }

  private void apply(PersonDetails d) {
    boolean police = d.category() == PersonCategory.POLICE_OFFICER;
    if (police && (d.badgeNumber() == null || d.badgeNumber().isBlank())) {
      throw ProblemException.badRequest("badgeNumber", "a police officer has a badge number");
    }
    if (!police && d.badgeNumber() != null && !d.badgeNumber().isBlank()) {
      throw ProblemException.badRequest("badgeNumber", "only police officers carry a badge number");
    }
    this.category = d.category();
    this.badgeNumber = police ? d.badgeNumber().trim() : null;
    this.name = d.name().trim();
    this.unitId = d.unitId();
    this.position = d.position();
    this.phone = d.phone();
    this.qualifications =
        d.qualifications() == null ? new String[0] : d.qualifications().toArray(String[]::new);
  }

  /**
   * Shows the duty status that holds now, as the dated changes say; {@code reviewAt} is when it
   * next turns (a planned change begins or one ends), null if never.
   */
  public void showDutyStatus(DutyStatus now, OffsetDateTime since, OffsetDateTime reviewAt) {
    dutyStatus = now;
    dutyStatusSince = since;
    dutyStatusReviewAt = reviewAt;
  }

  /**
   * Sets the party status; returns true (and counts a new version of the party file) if it changed.
   */
  public boolean changePartyStatus(PartyStatus next, LocalDate since) {
    requireActive();
    if (next == partyStatus && since.equals(partyStatusSince)) {
      return false;
    }
    partyStatus = next;
    partyStatusSince = since;
    partyStatusVersion++;
    return true;
  }

  public void deactivate(String reason, OffsetDateTime at) {
    if (!active) {
      throw ProblemException.conflict(
          "already-deactivated", "person " + id + " was deactivated on " + deactivatedAt);
    }
    active = false;
    deactivatedAt = at;
    deactivationReason = reason;
  }

  public void requireActive() {
    if (!active) {
      throw ProblemException.conflict(
          "person-inactive", "person " + id + " is deactivated; the record is frozen");
    }
  }

  public UUID id() {
    return id;
  }

  public PersonCategory category() {
    return category;
  }

  public String badgeNumber() {
    return badgeNumber;
  }

  public String name() {
    return name;
  }

  public UUID unitId() {
    return unitId;
  }

  public String position() {
    return position;
  }

  public String phone() {
    return phone;
  }

  public List<String> qualifications() {
    return qualifications == null ? List.of() : List.of(qualifications);
  }

  public DutyStatus dutyStatus() {
    return dutyStatus;
  }

  public OffsetDateTime dutyStatusSince() {
    return dutyStatusSince;
  }

  /** When the shown duty status next turns (a dated change ends or a planned one begins). */
  public OffsetDateTime dutyStatusReviewAt() {
    return dutyStatusReviewAt;
  }

  public PartyStatus partyStatus() {
    return partyStatus;
  }

  public LocalDate partyStatusSince() {
    return partyStatusSince;
  }

  public long partyStatusVersion() {
    return partyStatusVersion;
  }

  public boolean active() {
    return active;
  }

  public OffsetDateTime deactivatedAt() {
    return deactivatedAt;
  }

  public String deactivationReason() {
    return deactivationReason;
  }

  public long version() {
    return version;
  }
}
