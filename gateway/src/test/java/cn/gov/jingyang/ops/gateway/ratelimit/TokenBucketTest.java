package cn.gov.jingyang.ops.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void shouldGrantTheBurstThenRefuseUntilATokenIsBack() {
    TokenBucket bucket = new TokenBucket(2, 0.5, 0);
    assertThat(bucket.take(0).remaining()).isEqualTo(1);
    assertThat(bucket.take(0).granted()).isTrue();
    TokenBucket.Take refused = bucket.take(0);
    assertThat(refused.granted()).isFalse();
    assertThat(refused.retryAfterSeconds()).as("one token every 2 s").isEqualTo(2);
    assertThat(refused.resetSeconds()).as("full again after 4 s").isEqualTo(4);
    assertThat(bucket.take(2 * SECOND).granted()).isTrue();
    assertThat(bucket.take(2 * SECOND).granted()).isFalse();
  }

  @Test
  void shouldNeverHoldMoreThanItsCapacity() {
    TokenBucket bucket = new TokenBucket(3, 10, 0);
    assertThat(bucket.isFull(1000 * SECOND)).isTrue();
    for (int i = 0; i < 3; i++) {
      assertThat(bucket.take(1000 * SECOND).granted()).isTrue();
    }
    assertThat(bucket.take(1000 * SECOND).granted()).isFalse();
  }
}
