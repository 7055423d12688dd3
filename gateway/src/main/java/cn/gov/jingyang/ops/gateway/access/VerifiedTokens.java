package cn.gov.jingyang.ops.gateway.access;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Tokens whose signature, issuer and expiry were checked, by their exact text, so that a client's
 * repeated token costs a map lookup on the event loop instead of a thread hop and an RS256 check.
 * An entry is served until the token's {@code exp} and at most {@code ttl} after it was verified;
 * the least recently used entry goes first when the cache is full. Only authenticated callers are
 * kept: a forged or expired token is checked again each time (as before), and cannot fill the
 * cache.
 */
final class VerifiedTokens {

  private record Entry(Caller caller, long validUntilMillis) {}

  private final int maxEntries;
  private final long ttlMillis;
  private final LongSupplier clock;
  private final LinkedHashMap<String, Entry> entries;

  VerifiedTokens(int maxEntries, long ttlMillis, LongSupplier clock) {
    this.maxEntries = maxEntries;
    this.ttlMillis = ttlMillis;
    this.clock = clock;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > VerifiedTokens.this.maxEntries;
          }
        };
  }

  /** The caller of a token verified earlier and still valid now, else {@code null}. */
  Caller get(String token) {
    if (maxEntries <= 0) {
      return null;
    }
    long now = clock.getAsLong();
    synchronized (entries) {
      Entry entry = entries.get(token);
      if (entry == null) {
        return null;
      }
      if (now >= entry.validUntilMillis()) {
        entries.remove(token);
        return null;
      }
      return entry.caller();
    }
  }

  /**
   * Remembers an authenticated caller of a token expiring at {@code expiresAtSeconds} (its {@code
   * exp}); a token without a future expiry is not kept.
   */
  void put(String token, Caller caller, long expiresAtSeconds) {
    if (maxEntries <= 0 || !caller.authenticated() || expiresAtSeconds <= 0) {
      return;
    }
    long now = clock.getAsLong();
    long validUntil = Math.min(Math.multiplyExact(expiresAtSeconds, 1000L), now + ttlMillis);
    if (validUntil <= now) {
      return;
    }
    synchronized (entries) {
      entries.put(token, new Entry(caller, validUntil));
    }
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
