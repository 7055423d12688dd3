package cn.gov.jingyang.ops.platform.outbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-JVM signal that outbox rows were committed in this instance: it is fired where the relay
 * is woken ({@link OutboxRelay#wake()}), and the feed's long-polling readers wait on it. A waiter
 * holds no thread: it is a future completed by the next signal or by a timer. A reader takes the
 * signal's {@link #count()} before it reads, then waits {@link #after} that count, so a commit
 * between its read and its wait is never missed. Commits of other instances do not fire it: readers
 * re-read at least every {@code ops.outbox.poll-interval}, as the relay does.
 */
@ApplicationScoped
public class CommitSignal {

  private final AtomicLong count = new AtomicLong();
  private final Set<CompletableFuture<Void>> waiting = ConcurrentHashMap.newKeySet();

  /** How many signals so far; pass it to {@link #after} to wait for the next one. */
  public long count() {
    return count.get();
  }

  /** Rows were committed: every waiter goes on. */
  void fire() {
    count.incrementAndGet();
    for (CompletableFuture<Void> waiter : waiting) {
      if (waiting.remove(waiter)) {
        waiter.complete(null);
      }
    }
  }

  /**
   * Completes (with no item) at the first signal after {@code seen} — at once if there was one
   * already — or when {@code max} has passed, whichever comes first.
   */
  public Uni<Void> after(long seen, Duration max) {
    CompletableFuture<Void> waiter = new CompletableFuture<>();
    waiting.add(waiter);
    if (count.get() != seen) {
      waiting.remove(waiter);
      return Uni.createFrom().voidItem();
    }
    return Uni.createFrom()
        .completionStage(waiter)
        .ifNoItem()
        .after(max)
        .recoverWithItem((Void) null)
        .onTermination()
        .invoke(() -> waiting.remove(waiter));
  }

  /** Readers waiting now (metrics, tests). */
  public int waiting() {
    return waiting.size();
  }
}
