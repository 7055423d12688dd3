package cn.gov.jingyang.ops.personnel.duty;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A person's duty statuses on the time line, from their dated changes. Each change holds from its
 * {@code effectiveFrom} until its {@code until} (or for good); where several hold, the one with the
 * latest {@code effectiveFrom} wins, so a planned change (leave next week) and a later-recorded
 * earlier one (available now) each keep their own interval whatever order they were recorded in.
 * Where none holds the person is AVAILABLE, as registered. The same rule is documented in
 * contracts/README.md for the replicas of other services.
 */
public final class DutyTimeline {

  /** One dated change: its status holds in [from, until); until null means for good. */
  public record Entry(DutyStatus status, OffsetDateTime from, OffsetDateTime until) {

    boolean holdsAt(OffsetDateTime t) {
      return !from.isAfter(t) && (until == null || until.isAfter(t));
    }
  }

  /** What holds at an instant, and the change it comes from (empty: as registered). */
  public record Standing(DutyStatus status, Optional<Entry> source) {}

  private final List<Entry> entries;

  public DutyTimeline(List<Entry> entries) {
    this.entries = entries.stream().sorted(Comparator.comparing(Entry::from)).toList();
  }

  public Standing at(OffsetDateTime t) {
    Entry winner = null;
    for (Entry e : entries) {
      if (e.holdsAt(t)) {
        winner = e; // sorted by from: the last one holding wins
      }
    }
    return winner == null
        ? new Standing(DutyStatus.AVAILABLE, Optional.empty())
        : new Standing(winner.status(), Optional.of(winner));
  }

  /** The status just before {@code t}. */
  public DutyStatus before(OffsetDateTime t) {
    return at(t.minusNanos(1)).status();
  }

  /** The first instant after {@code t} at which a change begins or ends; empty if none. */
  public Optional<OffsetDateTime> nextTurnAfter(OffsetDateTime t) {
    return entries.stream()
        .flatMap(
            e ->
                e.until() == null
                    ? java.util.stream.Stream.of(e.from())
                    : java.util.stream.Stream.of(e.from(), e.until()))
        .filter(x -> x.isAfter(t))
        .min(Comparator.naturalOrder());
  }

  /** The latest end of a dated change at or before {@code t}; empty if none. */
  public Optional<OffsetDateTime> lastEndBy(OffsetDateTime t) {
    return entries.stream()
        .map(Entry::until)
        .filter(u -> u != null && !u.isAfter(t))
        .max(Comparator.naturalOrder());
  }

  /** The latest change that had begun at {@code t}; empty if none. */
  public Optional<Entry> lastBegunAt(OffsetDateTime t) {
    return entries.stream().filter(e -> !e.from().isAfter(t)).reduce((a, b) -> b);
  }

  /** Whether some change begins exactly at {@code t}. */
  public boolean hasChangeAt(OffsetDateTime t) {
    return entries.stream().anyMatch(e -> e.from().isEqual(t));
  }
}
