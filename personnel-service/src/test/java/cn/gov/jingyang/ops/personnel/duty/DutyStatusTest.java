package cn.gov.jingyang.ops.personnel.duty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DutyStatusTest {

  @Test
  void shouldSendTheSickBackThroughAvailableBeforeDuty() {
    assertThat(DutyStatus.SICK.mayBecome(DutyStatus.ON_DUTY)).isFalse();
    assertThat(DutyStatus.SICK.mayBecome(DutyStatus.AVAILABLE)).isTrue();
    assertThat(DutyStatus.INJURED.mayBecome(DutyStatus.ON_DUTY)).isFalse();
    assertThat(DutyStatus.ON_LEAVE.mayBecome(DutyStatus.ON_DUTY)).isFalse();
  }

  @Test
  void shouldNeverAllowAStatusToChangeToItself() {
    for (DutyStatus s : DutyStatus.values()) {
      assertThat(s.mayBecome(s)).as(s.name()).isFalse();
    }
  }

  @Test
  void shouldLetAnyoneFallSickExceptThoseAlreadySick() {
    for (DutyStatus s : DutyStatus.values()) {
      assertThat(s.mayBecome(DutyStatus.SICK)).as(s.name()).isEqualTo(s != DutyStatus.SICK);
    }
  }
}
