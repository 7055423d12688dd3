package cn.gov.jingyang.ops.checkpoint.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointLifecycleTest {

  private static final OffsetDateTime OPENED = OffsetDateTime.parse("2020-01-28T08:00:00+08:00");

  private static Checkpoint checkpoint() {
    return Checkpoint.plan(
        "CP-1",
        new Checkpoint.Details(
            "n",
            "r",
            null,
            null,
            null,
            "t",
            CheckpointKind.VILLAGE,
            null,
            "agency",
            List.of(),
            null,
            null),
        OPENED.minusDays(2));
  }

  @Test
  void inspectionsCountOnlyWhileOperating() {
    Checkpoint c = checkpoint();
    assertThatThrownBy(() -> c.requireOperatingAt(OPENED)).isInstanceOf(ProblemException.class);
    c.transitionTo(CheckpointStatus.ACTIVE, OPENED, null, "chief");
    c.requireOperatingAt(OPENED.plusHours(1));
    assertThatThrownBy(() -> c.requireOperatingAt(OPENED.minusHours(1)))
        .isInstanceOf(ProblemException.class);
    c.transitionTo(CheckpointStatus.SUSPENDED, OPENED.plusDays(1), null, "chief");
    c.requireOperatingAt(OPENED.plusHours(23));
    assertThatThrownBy(() -> c.requireOperatingAt(OPENED.plusDays(2)))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void aRecordMadeDuringAnEarlierSuspensionIsRefusedAfterReactivation() {
    Checkpoint c = checkpoint();
    c.transitionTo(CheckpointStatus.ACTIVE, OPENED, null, "chief");
    c.transitionTo(CheckpointStatus.SUSPENDED, OPENED.plusDays(1), "no staff", "chief");
    c.transitionTo(CheckpointStatus.ACTIVE, OPENED.plusDays(3), null, "chief");
    assertThatThrownBy(() -> c.requireOperatingAt(OPENED.plusDays(2)))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("SUSPENDED");
    c.requireOperatingAt(OPENED.plusHours(23));
    c.requireOperatingAt(OPENED.plusDays(3));
    c.requireOperatingAt(OPENED.plusDays(10));
  }

  @Test
  void aStatusChangeCannotPrecedeTheCurrentWindow() {
    Checkpoint c = checkpoint();
    c.transitionTo(CheckpointStatus.ACTIVE, OPENED, null, "chief");
    assertThatThrownBy(
            () -> c.transitionTo(CheckpointStatus.SUSPENDED, OPENED.minusHours(1), null, "chief"))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("at: lies before");
    assertThat(c.status()).isEqualTo(CheckpointStatus.ACTIVE);
  }

  @Test
  void closedIsFinal() {
    Checkpoint c = checkpoint();
    c.transitionTo(CheckpointStatus.ACTIVE, OPENED, null, "chief");
    c.transitionTo(CheckpointStatus.CLOSED, OPENED.plusDays(30), null, "chief");
    assertThat(c.status().allowedNext()).isEmpty();
    assertThatThrownBy(
            () -> c.transitionTo(CheckpointStatus.ACTIVE, OPENED.plusDays(31), null, "chief"))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("allowed: []", null, "chief");
  }
}
