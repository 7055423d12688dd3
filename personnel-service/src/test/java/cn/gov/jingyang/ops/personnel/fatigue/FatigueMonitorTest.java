package cn.gov.jingyang.ops.personnel.fatigue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jingyang.ops.personnel.fatigue.FatigueMonitor.Interval;
import cn.gov.jingyang.ops.personnel.fatigue.FatigueMonitor.Outcome;
import cn.gov.jingyang.ops.personnel.fatigue.FatigueMonitor.Streak;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;

class FatigueMonitorTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private final FatigueMonitor monitor = new FatigueMonitor(SHANGHAI, 7);

  private static Interval shift(String start, String end) {
    return new Interval(OffsetDateTime.parse(start), OffsetDateTime.parse(end));
  }

  private static LocalDate day(String d) {
    return LocalDate.parse(d);
  }

  /** Day shifts 08:00-20:00 Shanghai on each of {@code n} days from {@code first}. */
  private static List<Interval> dayShifts(String first, int n) {
    List<Interval> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      LocalDate d = day(first).plusDays(i);
      out.add(shift(d + "T08:00:00+08:00", d + "T20:00:00+08:00"));
    }
    return out;
  }

  @Test
  void shouldCountTheShanghaiCalendarDayNotTheUtcDay() {
    // 2020-02-03 00:30 in Shanghai is still 2020-02-02 in UTC
    SortedSet<LocalDate> days =
        monitor.dutyDays(List.of(shift("2020-02-02T16:30:00Z", "2020-02-02T18:00:00Z")));
    assertThat(days).containsExactly(day("2020-02-03"));
  }

  @Test
  void shouldNotCountTheNextDayForAShiftEndingExactlyAtMidnight() {
    SortedSet<LocalDate> days =
        monitor.dutyDays(List.of(shift("2020-02-03T16:00:00+08:00", "2020-02-04T00:00:00+08:00")));
    assertThat(days).containsExactly(day("2020-02-03"));
  }

  @Test
  void shouldCountADayForAShiftStartingExactlyAtMidnight() {
    SortedSet<LocalDate> days =
        monitor.dutyDays(List.of(shift("2020-02-04T00:00:00+08:00", "2020-02-04T00:01:00+08:00")));
    assertThat(days).containsExactly(day("2020-02-04"));
  }

  @Test
  void shouldCountBothDaysOfAShiftSpanningMidnight() {
    SortedSet<LocalDate> days =
        monitor.dutyDays(List.of(shift("2020-02-03T20:00:00+08:00", "2020-02-04T08:00:00+08:00")));
    assertThat(days).containsExactly(day("2020-02-03"), day("2020-02-04"));
  }

  @Test
  void shouldCountOverlappingAndBackToBackShiftsOnce() {
    SortedSet<LocalDate> days =
        monitor.dutyDays(
            List.of(
                shift("2020-02-03T08:00:00+08:00", "2020-02-03T20:00:00+08:00"),
                shift("2020-02-03T12:00:00+08:00", "2020-02-03T22:00:00+08:00"),
                shift("2020-02-03T22:00:00+08:00", "2020-02-04T06:00:00+08:00")));
    assertThat(days).containsExactly(day("2020-02-03"), day("2020-02-04"));
  }

  @Test
  void shouldCountConsecutiveDutyDaysUpToTheReferenceDay() {
    Set<LocalDate> duty = monitor.dutyDays(dayShifts("2020-01-25", 7));
    Streak streak = monitor.streak(duty, Set.of(), day("2020-01-31"));
    assertThat(streak).isEqualTo(new Streak(7, day("2020-01-25")));
  }

  @Test
  void shouldTreatTheReferenceDayWithoutDutyYetAsStillUnderWay() {
    Set<LocalDate> duty = monitor.dutyDays(dayShifts("2020-01-25", 6));
    assertThat(monitor.streak(duty, Set.of(), day("2020-01-31")).days()).isEqualTo(6);
    assertThat(monitor.streak(duty, Set.of(), day("2020-02-01")).days())
        .as("a whole day without duty has passed: a rest day")
        .isZero();
  }

  @Test
  void shouldResetTheStreakOnADayWithoutDuty() {
    Set<LocalDate> duty = new HashSet<>(monitor.dutyDays(dayShifts("2020-01-25", 5)));
    duty.addAll(monitor.dutyDays(dayShifts("2020-01-31", 3))); // 2020-01-30 has no duty
    assertThat(monitor.streak(duty, Set.of(), day("2020-02-02")))
        .isEqualTo(new Streak(3, day("2020-01-31")));
  }

  @Test
  void shouldResetTheStreakOnARegisteredRestDayEvenWithSomeDuty() {
    Set<LocalDate> duty = monitor.dutyDays(dayShifts("2020-01-25", 10));
    Set<LocalDate> rest = Set.of(day("2020-01-30"));
    assertThat(monitor.streak(duty, rest, day("2020-02-03")))
        .isEqualTo(new Streak(4, day("2020-01-31")));
    assertThat(monitor.streak(duty, rest, day("2020-01-30"))).isEqualTo(Streak.NONE);
  }

  @Test
  void shouldRaiseExactlyOnceForOneStreak() {
    Set<LocalDate> duty = new HashSet<>();
    LocalDate openStart = null;
    int raised = 0;
    for (int i = 0; i < 12; i++) {
      LocalDate d = day("2020-01-25").plusDays(i);
      duty.add(d);
      Outcome outcome = monitor.decide(monitor.streak(duty, Set.of(), d), openStart, null);
      assertThat(outcome.clear()).isFalse();
      if (outcome.raise()) {
        raised++;
        openStart = monitor.streak(duty, Set.of(), d).startedOn();
        assertThat(i + 1).as("raised on the 7th day").isEqualTo(7);
      }
    }
    assertThat(raised).isEqualTo(1);
  }

  @Test
  void shouldNotRaiseBelowTheThreshold() {
    Set<LocalDate> duty = monitor.dutyDays(dayShifts("2020-01-25", 6));
    assertThat(monitor.decide(monitor.streak(duty, Set.of(), day("2020-01-30")), null, null))
        .isEqualTo(new Outcome(false, false));
  }

  @Test
  void shouldKeepTheAlertWhenALateShiftExtendsTheStreakBackwards() {
    Set<LocalDate> duty = monitor.dutyDays(dayShifts("2020-01-24", 8));
    Outcome outcome =
        monitor.decide(monitor.streak(duty, Set.of(), day("2020-01-31")), day("2020-01-25"), null);
    assertThat(outcome).isEqualTo(new Outcome(false, false));
  }

  @Test
  void shouldClearAfterARestDayAndRaiseAgainOnlyForANewFullStreak() {
    Set<LocalDate> duty = new HashSet<>(monitor.dutyDays(dayShifts("2020-01-25", 8)));
    Set<LocalDate> rest = Set.of(day("2020-02-02"));
    Streak afterRest = monitor.streak(duty, rest, day("2020-02-02"));
    LocalDate restDay =
        monitor.restDayAfter(day("2020-01-25"), duty, rest, day("2020-02-02"), false);
    assertThat(restDay).isEqualTo(day("2020-02-02"));
    assertThat(monitor.decide(afterRest, day("2020-01-25"), restDay))
        .isEqualTo(new Outcome(true, false));

    duty.addAll(monitor.dutyDays(dayShifts("2020-02-03", 7)));
    Streak second = monitor.streak(duty, rest, day("2020-02-09"));
    assertThat(second).isEqualTo(new Streak(7, day("2020-02-03")));
    assertThat(monitor.decide(second, null, null)).isEqualTo(new Outcome(false, true));
  }

  @Test
  void shouldNotClearOnAGapThatALateShiftMayStillFillButClearOnceTheRecordIsSettled() {
    Set<LocalDate> duty = new HashSet<>(monitor.dutyDays(dayShifts("2020-01-25", 7)));
    duty.addAll(monitor.dutyDays(dayShifts("2020-02-02", 1))); // 2020-02-01 not (yet) reported
    Streak current = monitor.streak(duty, Set.of(), day("2020-02-02"));
    assertThat(current).isEqualTo(new Streak(1, day("2020-02-02")));

    LocalDate unsettled =
        monitor.restDayAfter(day("2020-01-25"), duty, Set.of(), day("2020-02-02"), false);
    assertThat(monitor.decide(current, day("2020-01-25"), unsettled))
        .isEqualTo(new Outcome(false, false));

    LocalDate settled =
        monitor.restDayAfter(day("2020-01-25"), duty, Set.of(), day("2020-02-03"), true);
    assertThat(settled).isEqualTo(day("2020-02-01"));
    assertThat(
            monitor.decide(
                monitor.streak(duty, Set.of(), day("2020-02-03")), day("2020-01-25"), settled))
        .isEqualTo(new Outcome(true, false));
  }

  @Test
  void shouldRaiseOnceEvenWhenDaysArriveOutOfOrder() {
    List<LocalDate> arrival =
        List.of(
            day("2020-01-25"),
            day("2020-01-26"),
            day("2020-01-27"),
            day("2020-01-28"),
            day("2020-01-29"),
            day("2020-01-30"),
            day("2020-01-31"),
            day("2020-02-02"),
            day("2020-02-01"));
    Set<LocalDate> duty = new HashSet<>();
    LocalDate openStart = null;
    int raised = 0;
    for (LocalDate d : arrival) {
      duty.add(d);
      LocalDate asOf = java.util.Collections.max(duty);
      Streak s = monitor.streak(duty, Set.of(), asOf);
      LocalDate rest =
          openStart == null ? null : monitor.restDayAfter(openStart, duty, Set.of(), asOf, false);
      Outcome outcome = monitor.decide(s, openStart, rest);
      assertThat(outcome.clear()).as("no rest day was taken").isFalse();
      if (outcome.raise()) {
        raised++;
        openStart = s.startedOn();
      }
    }
    assertThat(raised).isEqualTo(1);
  }
}
