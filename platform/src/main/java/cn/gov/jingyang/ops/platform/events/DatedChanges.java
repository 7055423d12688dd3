package cn.gov.jingyang.ops.platform.events;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * How a replica reads dated changes of one thing published as events (e.g. personnel's
 * DutyStatusChanged, contracts/README.md): each change holds its status in [from, until) (until
 * null: until a later change); where several hold at a time, the one with the latest {@code from}
 * wins; where none holds, {@code whenNone}. The result does not depend on the order the changes
 * arrived in, so a replica keeps every change (keyed by thing and {@code from}) and reads them
 * here.
 *
 * @param <S> the status a change sets
 */
public final class DatedChanges<S> {

  /** One dated change: {@code status} holds in [from, until); until null: until a later change. */
  public record Change<S>(S status, OffsetDateTime from, OffsetDateTime until) {

    public Change {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(from, "from");
    }

    boolean holdsAt(OffsetDateTime t) {
      return !from.isAfter(t) && (until == null || until.isAfter(t));
    }
  }

  /** A stretch of time with one status; end null: for good. */
  public record Stretch<S>(S status, OffsetDateTime start, OffsetDateTime end) {

    /** Whether the stretch shares some time with [from, to). */
    public boolean overlaps(OffsetDateTime from, OffsetDateTime to) {
      return start.isBefore(to) && (end == null || end.isAfter(from));
    }
  }

  private final List<Change<S>> changes;
  private final S whenNone;

  /**
   * @param changes every change known, in any order
   * @param whenNone the status where no change holds
   */
  public DatedChanges(Collection<Change<S>> changes, S whenNone) {
    this.changes =
        changes.stream().sorted(Comparator.comparing(c -> c.from().toInstant())).toList();
    this.whenNone = whenNone;
  }

  /** The status at {@code t}: of the changes holding then, the one that began last. */
  public S at(OffsetDateTime t) {
    S status = whenNone;
    for (Change<S> c : changes) {
      if (c.holdsAt(t)) {
        status = c.status(); // sorted by from: the last one holding wins
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
   * The next time after {@code t} that the status differs from the one at {@code t}, as the stretch
   * that begins then; empty if the status at {@code t} holds for good.
   */
  public Optional<Stretch<S>> nextChangeAfter(OffsetDateTime t) {
    S now = at(t);
    return stretches().stream()
        .filter(s -> s.start().isAfter(t) && !Objects.equals(s.status(), now))
        .findFirst();
  }

  /**
   * The time line as consecutive stretches of one status each, from the first change on (before it
   * {@code whenNone} holds); the last stretch has no end.
   */
  public List<Stretch<S>> stretches() {
    List<OffsetDateTime> points = new ArrayList<>(turns());
    List<Stretch<S>> out = new ArrayList<>();
    for (int k = 0; k < points.size(); k++) {
      OffsetDateTime start = points.get(k);
      OffsetDateTime end = k + 1 < points.size() ? points.get(k + 1) : null;
      S status = at(start);
      Stretch<S> last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && Objects.equals(last.status(), status)) {
        out.set(out.size() - 1, new Stretch<>(status, last.start(), end));
      } else {
        out.add(new Stretch<>(status, start, end));
      }
    }
    return out;
  }

  /** The stretches during [from, to), with {@code whenNone} before the first change if needed. */
  public List<Stretch<S>> during(OffsetDateTime from, OffsetDateTime to) {
    List<Stretch<S>> all = new ArrayList<>(stretches());
    OffsetDateTime first = all.isEmpty() ? null : all.get(0).start();
    if (first == null || first.isAfter(from)) {
      all.add(0, new Stretch<>(whenNone, from, first));
    }
    return all.stream().filter(s -> s.overlaps(from, to)).toList();
  }

  private TreeSet<OffsetDateTime> turns() {
    TreeSet<OffsetDateTime> points = new TreeSet<>(Comparator.comparing(OffsetDateTime::toInstant));
    changes.stream()
        .flatMap(c -> c.until() == null ? Stream.of(c.from()) : Stream.of(c.from(), c.until()))
        .forEach(points::add);
    return points;
  }
}
