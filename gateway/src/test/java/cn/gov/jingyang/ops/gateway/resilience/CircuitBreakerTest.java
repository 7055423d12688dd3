package cn.gov.jingyang.ops.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  private final AtomicLong now = new AtomicLong();
  private final CircuitBreaker breaker =
      new CircuitBreaker(3, Duration.ofSeconds(10), Duration.ofSeconds(5), now::get);

  @Test
  void shouldOpenAfterTheThresholdWithinTheWindowOnly() {
    breaker.onFailure();
    breaker.onFailure();
    now.addAndGet(Duration.ofSeconds(11).toNanos());
    breaker.onFailure();
    assertThat(breaker.tryAcquire().granted()).as("the first two fell out of the window").isTrue();
    breaker.onFailure();
    breaker.onFailure();
    CircuitBreaker.Permit refused = breaker.tryAcquire();
    assertThat(refused.granted()).isFalse();
    assertThat(refused.retryAfterMillis()).isEqualTo(5000);
  }

  @Test
  void shouldLetExactlyOneProbeThroughWhenHalfOpen() {
    open();
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    assertThat(breaker.tryAcquire().granted()).isTrue();
    assertThat(breaker.tryAcquire().granted()).as("a second caller waits for the probe").isFalse();
    breaker.onSuccess();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.tryAcquire().granted()).isTrue();
  }

  @Test
  void shouldLetAnotherProbeThroughWhenTheFirstWasAbandoned() {
    open();
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    assertThat(breaker.tryAcquire().granted()).isTrue();
    breaker.onAbandoned();
    assertThat(breaker.tryAcquire().granted()).as("the caller of the probe hung up").isTrue();
  }

  @Test
  void shouldOpenAgainWhenTheProbeFails() {
    open();
    now.addAndGet(Duration.ofSeconds(6).toNanos());
    assertThat(breaker.tryAcquire().granted()).isTrue();
    breaker.onFailure();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breaker.tryAcquire().granted()).isFalse();
  }

  private void open() {
    for (int i = 0; i < 3; i++) {
      breaker.onFailure();
    }
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
  }
}
