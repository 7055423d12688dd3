package cn.gov.jingyang.ops.personnel.fatigue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The fatigue rules, free of persistence. Duty days are calendar days (in the configured zone) that
 * any duty interval overlaps; a rest day is a day without duty or a registered rest day; the streak
 * is the run of duty days up to the reference day. An alert is raised once per streak when it
 * reaches the threshold and cleared once a rest day breaks that streak.
 */
public final class FatigueMonitor {

  /** A duty interval, end exclusive: a shift ending at 00:00 does not touch the next day. */
  public record Interval(OffsetDateTime start, OffsetDateTime end) {
    public Interval {
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException("a duty interval ends after it starts");
      }
    }
  }

  /**
   * Consecutive duty days up to the reference day; {@code startedOn} is null when there are none.
   */
  public record Streak(int days, LocalDate startedOn) {
    public static final Streak NONE = new Streak(0, null);
  }

  /** What to do with the alert state: clear the open alert and/or raise a new one. */
  public record Outcome(boolean clear, boolean raise) {}

  private final ZoneId zone;
  private final int thresholdDays;

  public FatigueMonitor(ZoneId zone, int thresholdDays) {
    if (thresholdDays < 1) {
      throw new IllegalArgumentException("threshold must be at least one day");
    }
    this.zone = zone;
    this.thresholdDays = thresholdDays;
  }

  public int thresholdDays() {
    return thresholdDays;
  }

  public LocalDate dayOf(OffsetDateTime instant) {
    return instant.atZoneSameInstant(zone).toLocalDate();
  }

  /**
   * Every calendar day any interval overlaps (overlapping and back-to-back intervals merge
   * naturally).
   */
  public SortedSet<LocalDate> dutyDays(Collection<Interval> intervals) {
    SortedSet<LocalDate> days = new TreeSet<>();
    for (Interval interval : intervals) {
      LocalDate first = dayOf(interval.start());
      LocalDate last = dayOf(interval.end().minusNanos(1));
      for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
        days.add(d);
      }
    }
    return days;
  }

  /**
   * The streak as of {@code asOf}. The reference day itself may still be under way: if it has no
   * duty (yet) and is no registered rest day, the streak is counted up to the day before.
   */
  public Streak streak(Set<LocalDate> dutyDays, Set<LocalDate> restDays, LocalDate asOf) {
    if (restDays.contains(asOf)) {
      return Streak.NONE;
    }
    LocalDate day = dutyDays.contains(asOf) ? asOf : asOf.minusDays(1);
    int count = 0;
    LocalDate start = null;
    while (dutyDays.contains(day) && !restDays.contains(day)) {
      count++;
      start = day;
      day = day.minusDays(1);
    }
    return count == 0 ? Streak.NONE : new Streak(count, start);
  }

  /**
   * The day that broke the streak begun on {@code streakStart}: the first registered rest day from
   * then on or, when {@code gapsAreRest}, the first day without duty that is over (before {@code
   * asOf}). Shifts may be reported late and out of order, so a gap only counts as rest when the
   * caller says the record is settled (the daily sweep); null if nothing broke the streak.
   */
  public LocalDate restDayAfter(
      LocalDate streakStart,
      Set<LocalDate> dutyDays,
      Set<LocalDate> restDays,
      LocalDate asOf,
      boolean gapsAreRest) {
    for (LocalDate d = streakStart; !d.isAfter(asOf); d = d.plusDays(1)) {
      if (restDays.contains(d) || (gapsAreRest && !dutyDays.contains(d) && d.isBefore(asOf))) {
        return d;
      }
    }
    return null;
  }

  /**
   * Alert decision. An open alert is cleared only once a rest day broke its streak ({@code
   * restDay}); a streak that merely grows, or is found to have begun earlier, keeps its one alert.
   * A new alert is raised when none is open (or the open one is being cleared) and the current
   * streak reaches the threshold.
   */
  public Outcome decide(Streak current, LocalDate openAlertStreakStart, LocalDate restDay) {
    boolean open = openAlertStreakStart != null;
    boolean clear = open && restDay != null;
    boolean raise = (!open || clear) && current.days() >= thresholdDays;
    return new Outcome(clear, raise);
  }
}
