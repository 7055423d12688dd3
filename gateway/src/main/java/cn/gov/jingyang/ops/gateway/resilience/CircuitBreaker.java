package cn.gov.jingyang.ops.gateway.resilience;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * One upstream's circuit breaker. Closed, it lets everything through and counts failures
 * (connections refused or reset, timeouts); {@code threshold} failures within {@code window} open
 * it. Open, it refuses at once for {@code openDuration}; then it lets exactly one probe through
 * (half-open): success closes it, failure opens it again. Shared by every event loop, so every
 * method is synchronized; none blocks.
 */
public final class CircuitBreaker {

  public enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  /** Whether a request may go: {@code retryAfterMillis} is set when it may not. */
  public record Permit(boolean granted, long retryAfterMillis) {}

  private final int threshold;
  private final long windowNanos;
  private final long openNanos;
  private final LongSupplier clock;
  private final Deque<Long> failures = new ArrayDeque<>();
  private State state = State.CLOSED;
  private long openedAt;
  private boolean probeOut;

  public CircuitBreaker(int threshold, Duration window, Duration openDuration, LongSupplier clock) {
    this.threshold = Math.max(1, threshold);
    this.windowNanos = window.toNanos();
    this.openNanos = openDuration.toNanos();
    this.clock = clock;
  }

  public CircuitBreaker(int threshold, Duration window, Duration openDuration) {
    this(threshold, window, openDuration, System::nanoTime);
  }

  public synchronized Permit tryAcquire() {
    long now = clock.getAsLong();
    if (state == State.OPEN) {
      long remaining = openedAt + openNanos - now;
      if (remaining > 0) {
        return new Permit(false, Math.max(1, remaining / 1_000_000));
      }
      state = State.HALF_OPEN;
      probeOut = false;
    }
    if (state == State.HALF_OPEN) {
      if (probeOut) {
        return new Permit(false, Math.max(1, openNanos / 1_000_000));
      }
      probeOut = true;
    }
    return new Permit(true, 0);
  }

  /** The upstream answered (whatever its status): it is alive. */
  public synchronized void onSuccess() {
    if (state == State.HALF_OPEN) {
      state = State.CLOSED;
      failures.clear();
    }
  }

  public synchronized void onFailure() {
    long now = clock.getAsLong();
    if (state == State.HALF_OPEN) {
      open(now);
      return;
    }
    if (state == State.OPEN) {
      return;
    }
    failures.addLast(now);
    while (!failures.isEmpty() && now - failures.peekFirst() > windowNanos) {
      failures.removeFirst();
    }
    if (failures.size() >= threshold) {
      open(now);
    }
  }

  /** A request let through ended without telling (its caller went away): another may probe. */
  public synchronized void onAbandoned() {
    if (state == State.HALF_OPEN) {
      probeOut = false;
    }
  }

  public synchronized State state() {
    if (state == State.OPEN && clock.getAsLong() - openedAt >= openNanos) {
      return State.HALF_OPEN;
    }
    return state;
  }

  private void open(long now) {
    state = State.OPEN;
    openedAt = now;
    probeOut = false;
    failures.clear();
  }
}
