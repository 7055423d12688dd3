package cn.gov.jingyang.ops.checkpoint.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replica's reading of dated duty changes, without the service around it. */
class DutyTimelineTest {

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2020-02-03T08:00:00+08:00");
  private static final DutyTimeline.Interval SICK =
      new DutyTimeline.Interval(DutyStatus.SICK, NOW.minusDays(2), null);
  private static final DutyTimeline.Interval AVAILABLE =
      new DutyTimeline.Interval(DutyStatus.AVAILABLE, NOW.minusHours(1), null);
  private static final DutyTimeline.Interval LEAVE =
      new DutyTimeline.Interval(DutyStatus.ON_LEAVE, NOW.plusDays(7), NOW.plusDays(14));

  @Test
  void theOrderTheChangesArriveInDoesNotMatter() {
    DutyTimeline one = new DutyTimeline(List.of(SICK, LEAVE, AVAILABLE), DutyStatus.AVAILABLE);
    DutyTimeline two = new DutyTimeline(List.of(AVAILABLE, SICK, LEAVE), DutyStatus.AVAILABLE);
    for (DutyTimeline t : List.of(one, two)) {
      assertThat(t.at(NOW.minusDays(1))).isEqualTo(DutyStatus.SICK);
      assertThat(t.at(NOW)).isEqualTo(DutyStatus.AVAILABLE);
      assertThat(t.at(NOW.plusDays(8))).isEqualTo(DutyStatus.ON_LEAVE);
      assertThat(t.at(NOW.plusDays(14))).isEqualTo(DutyStatus.AVAILABLE);
      assertThat(t.since(NOW)).isEqualTo(NOW.minusHours(1));
      assertThat(t.nextTurnAfter(NOW)).contains(NOW.plusDays(7));
      assertThat(t.stretches()).isEqualTo(two.stretches());
    }
  }

  @Test
  void afterADatedChangeEndsWhatHeldBeforeItHoldsAgain() {
    DutyTimeline t = new DutyTimeline(List.of(SICK, LEAVE), DutyStatus.AVAILABLE);
    assertThat(t.at(NOW.plusDays(8))).isEqualTo(DutyStatus.ON_LEAVE);
    assertThat(t.at(NOW.plusDays(15))).isEqualTo(DutyStatus.SICK);
  }

  @Test
  void aShiftOverlapsTheLeaveOnlyInsideIt() {
    DutyTimeline t = new DutyTimeline(List.of(AVAILABLE, LEAVE), DutyStatus.AVAILABLE);
    assertThat(t.during(NOW.plusDays(1), NOW.plusDays(1).plusHours(8)))
        .extracting(DutyTimeline.Stretch::status)
        .containsExactly(DutyStatus.AVAILABLE);
    assertThat(t.during(NOW.plusDays(6).plusHours(20), NOW.plusDays(7).plusHours(4)))
        .extracting(DutyTimeline.Stretch::status)
        .containsExactly(DutyStatus.AVAILABLE, DutyStatus.ON_LEAVE);
    assertThat(t.during(NOW.plusDays(14), NOW.plusDays(14).plusHours(8)))
        .extracting(DutyTimeline.Stretch::status)
        .containsExactly(DutyStatus.AVAILABLE);
  }

  @Test
  void withoutAnyChangeTheLastSnapshotsStatusHolds() {
    DutyTimeline t = new DutyTimeline(List.of(), DutyStatus.SICK);
    assertThat(t.at(NOW)).isEqualTo(DutyStatus.SICK);
    assertThat(t.during(NOW, NOW.plusHours(8)))
        .extracting(DutyTimeline.Stretch::status)
        .containsExactly(DutyStatus.SICK);
  }
}
