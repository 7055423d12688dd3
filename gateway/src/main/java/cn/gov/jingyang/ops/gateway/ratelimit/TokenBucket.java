package cn.gov.jingyang.ops.gateway.ratelimit;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled continuously at {@code
 * refillPerSecond}; a request takes one. Thread-safe; never blocks.
 */
final class TokenBucket {

  /** The outcome of one take: what is left, and when the next token (or a full bucket) comes. */
  record Take(boolean granted, long remaining, long retryAfterSeconds, long resetSeconds) {}

  private final long capacity;
  private final double refillPerNano;
  private double tokens;
  private long updatedAt;

  TokenBucket(long capacity, double refillPerSecond, long now) {
    this.capacity = Math.max(1, capacity);
    this.refillPerNano = refillPerSecond / 1e9;
    this.tokens = this.capacity;
    this.updatedAt = now;
  }

  synchronized Take take(long now) {
    refill(now);
    boolean granted = tokens >= 1;
    if (granted) {
      tokens -= 1;
    }
    long retryAfter = granted ? 0 : seconds((1 - tokens) / refillPerNano);
    long reset = seconds((capacity - tokens) / refillPerNano);
    return new Take(granted, (long) Math.floor(tokens), retryAfter, reset);
  }

  /** Full again: nothing to remember about this client. */
  synchronized boolean isFull(long now) {
    refill(now);
    return tokens >= capacity;
  }

  long capacity() {
    return capacity;
  }

  private void refill(long now) {
    if (now > updatedAt) {
      tokens = Math.min(capacity, tokens + (now - updatedAt) * refillPerNano);
      updatedAt = now;
    }
  }

  private static long seconds(double nanos) {
    if (nanos <= 0) {
      return 0;
    }
    return Math.max(1, (long) Math.ceil(nanos / 1e9));
  }
}
