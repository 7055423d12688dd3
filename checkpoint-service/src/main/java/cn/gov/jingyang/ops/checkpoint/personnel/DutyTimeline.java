package cn.gov.jingyang.ops.checkpoint.personnel;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A person's duty statuses on the time line, from personnel-service's dated DutyStatusChanged
 * events (contracts/README.md): each change holds in [effectiveFrom, until); where several hold,
 * the latest effectiveFrom wins; where none, the person's status as registered (AVAILABLE once any
 * change is known, else the status of the last person snapshot). The result does not depend on the
 * order the events arrived in.
 */
public final class DutyTimeline {

  /** One dated change. */
  public record Interval(DutyStatus status, OffsetDateTime from, OffsetDateTime until) {

    boolean holdsAt(OffsetDateTime t) {
      return !from.isAfter(t) && (until == null || until.isAfter(t));
    }
  }

  /** A stretch of time with one status; end null: for good. */
  public record Stretch(DutyStatus status, OffsetDateTime start, OffsetDateTime end) {

    public boolean overlaps(OffsetDateTime from, OffsetDateTime to) {
      return start.isBefore(to) && (end == null || end.isAfter(from));
    }
  }

  private final List<Interval> intervals;
  private final DutyStatus baseline;

  public DutyTimeline(List<Interval> intervals, DutyStatus statusWithoutChanges) {
    this.intervals = intervals.stream().sorted(Comparator.comparing(Interval::from)).toList();
    this.baseline = intervals.isEmpty() ? statusWithoutChanges : DutyStatus.AVAILABLE;
  }

  public DutyStatus at(OffsetDateTime t) {
    DutyStatus status = baseline;
    for (Interval i : intervals) {
      if (i.holdsAt(t)) {
        status = i.status(); // sorted by from: the last one holding wins
      }
    }
    return status;
  }

  /** Since when the status at {@code t} holds without a break (null: since before any change). */
  public OffsetDateTime since(OffsetDateTime t) {
    return stretches().stream()
        .filter(s -> !s.start().isAfter(t))
        .reduce((x, y) -> y)
        .map(Stretch::start)
        .orElse(null);
  }

  /** The first instant after {@code t} at which a change begins or ends; empty if none. */
  public Optional<OffsetDateTime> nextTurnAfter(OffsetDateTime t) {
    return turns().stream().filter(x -> x.isAfter(t)).findFirst();
  }

  /**
   * The time line as consecutive stretches of one status each, from the first change on (before it
   * the status as registered holds); the last stretch has no end.
   */
  public List<Stretch> stretches() {
    List<OffsetDateTime> points = new ArrayList<>(turns());
    List<Stretch> out = new ArrayList<>();
    for (int k = 0; k < points.size(); k++) {
      OffsetDateTime start = points.get(k);
      OffsetDateTime end = k + 1 < points.size() ? points.get(k + 1) : null;
      DutyStatus status = at(start);
      Stretch last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last.status() == status) {
        out.set(out.size() - 1, new Stretch(status, last.start(), end));
      } else {
        out.add(new Stretch(status, start, end));
      }
    }
    return out;
  }

  /** The stretches during [from, to), with the status holding before the first change if needed. */
  public List<Stretch> during(OffsetDateTime from, OffsetDateTime to) {
    List<Stretch> all = new ArrayList<>(stretches());
    OffsetDateTime first = all.isEmpty() ? null : all.get(0).start();
    if (first == null || first.isAfter(from)) {
      all.add(0, new Stretch(baseline, from, first));
    }
    return all.stream().filter(s -> s.overlaps(from, to)).toList();
  }

  private TreeSet<OffsetDateTime> turns() {
    TreeSet<OffsetDateTime> points = new TreeSet<>(Comparator.comparing(OffsetDateTime::toInstant));
    intervals.stream()
        .flatMap(i -> i.until() == null ? Stream.of(i.from()) : Stream.of(i.from(), i.until()))
        .forEach(points::add);
    return points;
  }
}
