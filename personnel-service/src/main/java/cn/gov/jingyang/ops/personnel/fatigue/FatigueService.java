package cn.gov.jingyang.ops.personnel.fatigue;

import cn.gov.jingyang.ops.personnel.config.PersonnelConfig;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Keeps duty days, streaks and fatigue alerts up to date as duty and rest are registered. */
@ApplicationScoped
public class FatigueService {

  private static final Logger LOG = Logger.getLogger(FatigueService.class);

  private final DutyLedger ledger;
  private final Outbox outbox;
  private final FatigueMonitor monitor;

  public FatigueService(DutyLedger ledger, Outbox outbox, PersonnelConfig config) {
    this.ledger = ledger;
    this.outbox = outbox;
    this.monitor = new FatigueMonitor(config.zone(), config.fatigue().thresholdDays());
  }

  public FatigueMonitor monitor() {
    return monitor;
  }

  /**
   * A duty interval from a source (a shift, or a direct registration). Provisional intervals (a
   * started shift: start and planned end) are replaced by the final one. Unknown people are
   * skipped.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordDuty(
      UUID personId, String source, OffsetDateTime start, OffsetDateTime end, boolean fin) {
    if (!ledger.personExists(personId)) {
      LOG.warnf("duty of unknown person %s from %s ignored", personId, source);
      return;
    }
    ledger.lockPerson(personId);
    if (ledger.recordInterval(personId, source, start, end, fin)) {
      ledger.replaceDutyDays(personId, monitor.dutyDays(ledger.intervals(personId)));
      evaluate(personId, null);
    }
  }

  /**
   * The duty status became ON_DUTY at {@code from}: a day ON_DUTY is a duty day as a shift day is
   * (a station chief on duty for ten days has a streak of ten without any checkpoint shift). The
   * interval is provisional, from {@code from} to now (at least to {@code from} itself, for a
   * change dated in the future), extended by the daily sweep while the status lasts, and final once
   * the person leaves ON_DUTY ({@link #offDuty}).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void onDuty(UUID personId, OffsetDateTime from) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    OffsetDateTime end = now.isAfter(from) ? now : from.plusSeconds(1);
    recordDuty(personId, DutyLedger.onDutySource(from), from, end, false);
  }

  /** The person left ON_DUTY at {@code at}: the open ON_DUTY interval ends there. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void offDuty(UUID personId, OffsetDateTime at) {
    ledger.lockPerson(personId);
    if (ledger.closeOnDuty(personId, at)) {
      ledger.replaceDutyDays(personId, monitor.dutyDays(ledger.intervals(personId)));
      evaluate(personId, null);
    }
  }

  /** A period of duty registered by hand: recorded, published, then counted. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void registerDutyPeriod(UUID personId, OffsetDateTime start, OffsetDateTime end) {
    UUID periodId = UUID.randomUUID();
    outbox.append(new DutyPeriodRecorded(periodId, personId, start, end));
    recordDuty(personId, "manual:" + periodId, start, end, true);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void registerRest(UUID personId, OffsetDateTime at, String reason) {
    registerRest(personId, monitor.dayOf(at), reason);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void registerRest(UUID personId, LocalDate day, String reason) {
    ledger.lockPerson(personId);
    if (ledger.addRestDay(personId, day, reason)) {
      outbox.append(new RestDayRecorded(personId, day, reason));
      evaluate(personId, null);
    }
  }

  /** Daily: a day without duty that has passed is a rest day even if nobody registered it. */
  @Transactional
  public void reevaluateAll(LocalDate today) {
    for (UUID personId : ledger.extendOpenOnDuty(OffsetDateTime.now(ZoneOffset.UTC))) {
      ledger.lockPerson(personId);
      ledger.replaceDutyDays(personId, monitor.dutyDays(ledger.intervals(personId)));
    }
    for (UUID personId : ledger.peopleWithStreakOrAlert()) {
      ledger.lockPerson(personId);
      evaluate(personId, today);
    }
  }

  /**
   * Recomputes the streak as of the latest known day and applies the alert rule. With {@code today}
   * (the daily sweep) days without duty that are over count as rest; otherwise only registered rest
   * days clear an alert, since shifts of a gap day may still be reported.
   */
  private void evaluate(UUID personId, LocalDate today) {
    Set<LocalDate> duty = ledger.dutyDays(personId);
    Set<LocalDate> rest = ledger.restDays(personId);
    LocalDate asOf =
        latest(
            latest(
                duty.isEmpty() ? null : Collections.max(duty),
                rest.isEmpty() ? null : Collections.max(rest)),
            today);
    if (asOf == null) {
      return;
    }
    FatigueMonitor.Streak streak = monitor.streak(duty, rest, asOf);
    ledger.saveStreak(personId, streak, asOf);
    DutyLedger.OpenAlert open = ledger.openAlert(personId);
    LocalDate restDay =
        open == null
            ? null
            : monitor.restDayAfter(open.streakStartedOn(), duty, rest, asOf, today != null);
    FatigueMonitor.Outcome outcome =
        monitor.decide(streak, open == null ? null : open.streakStartedOn(), restDay);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    if (outcome.clear()) {
      ledger.clearAlert(open.id(), restDay, now);
      outbox.append(
          new FatigueAlertCleared(open.id(), personId, open.streakStartedOn(), restDay, now));
    }
    if (outcome.raise()) {
      UUID id = UUID.randomUUID();
      LocalDate lastDutyDay = streak.startedOn().plusDays(streak.days() - 1L);
      ledger.insertAlert(id, personId, streak.startedOn(), streak.days(), now);
      outbox.append(
          new FatigueAlertRaised(
              id,
              personId,
              streak.days(),
              monitor.thresholdDays(),
              streak.startedOn(),
              lastDutyDay,
              now));
    }
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
