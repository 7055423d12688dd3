package cn.gov.jingyang.ops.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reading of dated changes, without a service around it (moved from checkpoint-service). */
class DatedChangesTest {

  enum Status {
    AVAILABLE,
    SICK,
    ON_LEAVE
  }

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2020-02-03T08:00:00+08:00");
  private static final DatedChanges.Change<Status> SICK =
      new DatedChanges.Change<>(Status.SICK, NOW.minusDays(2), null);
  private static final DatedChanges.Change<Status> AVAILABLE =
      new DatedChanges.Change<>(Status.AVAILABLE, NOW.minusHours(1), null);
  private static final DatedChanges.Change<Status> LEAVE =
      new DatedChanges.Change<>(Status.ON_LEAVE, NOW.plusDays(7), NOW.plusDays(14));

  @Test
  void theOrderTheChangesArriveInDoesNotMatter() {
    var one = new DatedChanges<>(List.of(SICK, LEAVE, AVAILABLE), Status.AVAILABLE);
    var two = new DatedChanges<>(List.of(AVAILABLE, SICK, LEAVE), Status.AVAILABLE);
    for (DatedChanges<Status> t : List.of(one, two)) {
      assertThat(t.at(NOW.minusDays(1))).isEqualTo(Status.SICK);
      assertThat(t.at(NOW)).isEqualTo(Status.AVAILABLE);
      assertThat(t.at(NOW.plusDays(8))).isEqualTo(Status.ON_LEAVE);
      assertThat(t.at(NOW.plusDays(14))).isEqualTo(Status.AVAILABLE);
      assertThat(t.since(NOW)).isEqualTo(NOW.minusHours(1));
      assertThat(t.nextTurnAfter(NOW)).contains(NOW.plusDays(7));
      assertThat(t.nextChangeAfter(NOW))
          .contains(new DatedChanges.Stretch<>(Status.ON_LEAVE, NOW.plusDays(7), NOW.plusDays(14)));
      assertThat(t.stretches()).isEqualTo(two.stretches());
    }
  }

  @Test
  void afterADatedChangeEndsWhatHeldBeforeItHoldsAgain() {
    var t = new DatedChanges<>(List.of(SICK, LEAVE), Status.AVAILABLE);
    assertThat(t.at(NOW.plusDays(8))).isEqualTo(Status.ON_LEAVE);
    assertThat(t.at(NOW.plusDays(15))).isEqualTo(Status.SICK);
  }

  @Test
  void aStretchOverlapsTheLeaveOnlyInsideIt() {
    var t = new DatedChanges<>(List.of(AVAILABLE, LEAVE), Status.AVAILABLE);
    assertThat(t.during(NOW.plusDays(1), NOW.plusDays(1).plusHours(8)))
        .extracting(DatedChanges.Stretch::status)
        .containsExactly(Status.AVAILABLE);
    assertThat(t.during(NOW.plusDays(6).plusHours(20), NOW.plusDays(7).plusHours(4)))
        .extracting(DatedChanges.Stretch::status)
        .containsExactly(Status.AVAILABLE, Status.ON_LEAVE);
    assertThat(t.during(NOW.plusDays(14), NOW.plusDays(14).plusHours(8)))
        .extracting(DatedChanges.Stretch::status)
        .containsExactly(Status.AVAILABLE);
  }

  @Test
  void withoutAnyChangeTheDefaultHolds() {
    var t = new DatedChanges<Status>(List.of(), Status.SICK);
    assertThat(t.at(NOW)).isEqualTo(Status.SICK);
    assertThat(t.since(NOW)).isNull();
    assertThat(t.nextChangeAfter(NOW)).isEmpty();
    assertThat(t.during(NOW, NOW.plusHours(8)))
        .extracting(DatedChanges.Stretch::status)
        .containsExactly(Status.SICK);
  }

  @Test
  void theNextChangeSkipsTurnsThatKeepTheStatus() {
    var sickUntilTomorrow = new DatedChanges.Change<>(Status.SICK, NOW, NOW.plusDays(1));
    var availableFromTomorrow = new DatedChanges.Change<>(Status.AVAILABLE, NOW.plusDays(1), null);
    var t = new DatedChanges<>(List.of(availableFromTomorrow, LEAVE), Status.AVAILABLE);
    assertThat(t.nextChangeAfter(NOW).map(DatedChanges.Stretch::start)).contains(NOW.plusDays(7));
    var sick = new DatedChanges<>(List.of(sickUntilTomorrow), Status.AVAILABLE);
    assertThat(sick.at(NOW)).isEqualTo(Status.SICK);
    assertThat(sick.nextChangeAfter(NOW))
        .contains(new DatedChanges.Stretch<>(Status.AVAILABLE, NOW.plusDays(1), null));
  }

  @Test
  void theSameInstantWrittenInAnotherOffsetIsOneTurn() {
    var utc =
        new DatedChanges.Change<>(
            Status.SICK, NOW.toInstant().atOffset(java.time.ZoneOffset.UTC), null);
    var t =
        new DatedChanges<>(
            List.of(utc, new DatedChanges.Change<>(Status.AVAILABLE, NOW.plusDays(1), null)),
            Status.AVAILABLE);
    assertThat(t.stretches()).hasSize(2);
    assertThat(t.at(NOW)).isEqualTo(Status.SICK);
  }
}
