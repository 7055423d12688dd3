package cn.gov.jingyang.ops.gateway.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins counted per username and per client address in a sliding window: once either has
 * {@code ops.gateway.login.max-failures} failures in {@code ops.gateway.login.failure-window}, the
 * next attempt for that name or from that address is refused (429) until the oldest failure leaves
 * the window — whether its password is right or not. Kept in this gateway instance's memory.
 */
@ApplicationScoped
public class LoginThrottle {

  private static final int MAX_KEYS = 100_000;

  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new java.util.HashMap<>();

  @Inject
  public LoginThrottle(LoginConfig config) {
    this(config.maxFailures(), config.failureWindow(), Clock.systemUTC());
  }

  LoginThrottle(int maxFailures, Duration window, Clock clock) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
  }

  /** How long to wait before trying again, when the name or the address is throttled. */
  public synchronized Optional<Duration> waitFor(String username, String address) {
    Instant now = clock.instant();
    Optional<Instant> free =
        later(freeAt(userKey(username), now), freeAt(addressKey(address), now));
    return free.map(at -> Duration.between(now, at));
  }

  public synchronized void failed(String username, String address) {
    Instant now = clock.instant();
    if (failures.size() > MAX_KEYS) {
      // a flood of made-up names: keep only recent failures rather than run out of memory
      failures.values().forEach(times -> prune(times, now));
      failures.values().removeIf(Deque::isEmpty);
    }
    record(userKey(username), now);
    record(addressKey(address), now);
  }

  public synchronized void succeeded(String username) {
    failures.remove(userKey(username));
  }

  /** Forgets every failure (tests that need a clean slate). */
  public synchronized void forgetAll() {
    failures.clear();
  }

  private void record(String key, Instant now) {
    Deque<Instant> list = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    prune(list, now);
    list.addLast(now);
    while (list.size() > maxFailures) {
      list.removeFirst();
    }
  }

  private Optional<Instant> freeAt(String key, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Optional.empty();
    }
    prune(times, now);
    return times.size() >= maxFailures
        ? Optional.of(times.peekFirst().plus(window))
        : Optional.empty();
  }

  private void prune(Deque<Instant> times, Instant now) {
    while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
      times.removeFirst();
    }
  }

  private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
  }

  private static String userKey(String username) {
    return "user:" + username.trim().toLowerCase(java.util.Locale.ROOT);
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
