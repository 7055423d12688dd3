package cn.gov.jingyang.ops.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
  private final Caller officer = new Caller("officer-1", Set.of("CHECKPOINT_OFFICER"), true);

  private long seconds(long fromNowMillis) {
    return (now.get() + fromNowMillis) / 1000;
  }

  @Test
  void shouldServeARepeatedTokenUntilItsExpiry() {
    VerifiedTokens tokens = new VerifiedTokens(10, 60_000, now::get);
    tokens.put("a.b.c", officer, seconds(30_000));

    now.addAndGet(29_000);
    assertThat(tokens.get("a.b.c")).isEqualTo(officer);
    now.addAndGet(1_000);
    assertThat(tokens.get("a.b.c")).as("expired: verified again, never served").isNull();
    assertThat(tokens.size()).isZero();
  }

  @Test
  void shouldServeATokenAtMostTheTtlEvenIfItExpiresLater() {
    VerifiedTokens tokens = new VerifiedTokens(10, 60_000, now::get);
    tokens.put("a.b.c", officer, seconds(3_600_000));

    now.addAndGet(59_999);
    assertThat(tokens.get("a.b.c")).isEqualTo(officer);
    now.addAndGet(1);
    assertThat(tokens.get("a.b.c")).isNull();
  }

  @Test
  void shouldMissForAnyOtherTokenText() {
    VerifiedTokens tokens = new VerifiedTokens(10, 60_000, now::get);
    tokens.put("a.b.c", officer, seconds(600_000));

    assertThat(tokens.get("a.b.d")).isNull();
    assertThat(tokens.get("a.b.c ")).isNull();
    assertThat(tokens.get("A.b.c")).isNull();
  }

  @Test
  void shouldNotKeepAnonymousCallersOrExpiredTokens() {
    VerifiedTokens tokens = new VerifiedTokens(10, 60_000, now::get);
    tokens.put("forged", Caller.anonymous("127.0.0.1"), seconds(600_000));
    tokens.put("expired", officer, seconds(-1_000));
    tokens.put("no-exp", officer, 0);

    assertThat(tokens.size()).isZero();
  }

  @Test
  void shouldForgetTheLeastRecentlyUsedTokenWhenFull() {
    VerifiedTokens tokens = new VerifiedTokens(2, 60_000, now::get);
    tokens.put("first", officer, seconds(600_000));
    tokens.put("second", officer, seconds(600_000));
    tokens.get("first");
    tokens.put("third", officer, seconds(600_000));

    assertThat(tokens.size()).isEqualTo(2);
    assertThat(tokens.get("second")).isNull();
    assertThat(tokens.get("first")).isEqualTo(officer);
    assertThat(tokens.get("third")).isEqualTo(officer);
  }

  @Test
  void shouldKeepNothingWhenDisabled() {
    VerifiedTokens tokens = new VerifiedTokens(0, 60_000, now::get);
    tokens.put("a.b.c", officer, seconds(600_000));

    assertThat(tokens.get("a.b.c")).isNull();
  }
}
