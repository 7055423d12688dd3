package cn.gov.jingyang.ops.checkpoint.shift;

import cn.gov.jingyang.ops.checkpoint.config.CheckpointConfig;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/**
 * Checks the times a client gives for starting and ending a shift for sense, so that no
 * ShiftStarted or ShiftEnded leaves this service that its consumers (personnel-service counts the
 * duty) would have to refuse. Each refusal is a 422 naming {@code at}.
 */
@ApplicationScoped
class ShiftTimes {

  private final CheckpointConfig.Shift config;

  ShiftTimes(CheckpointConfig config) {
    this.config = config.shift();
  }

  /**
   * A shift starts before its planned end, not earlier than scheduled by more than {@code
   * checkpoint.shift.early-start-tolerance}. (Ending before the start is refused by the shift.)
   */
  void requireSensibleStart(Shift shift, OffsetDateTime at) {
    if (!at.isBefore(shift.endsAt())) {
      throw ProblemException.unprocessable(
          "at", "a shift cannot start at or after its planned end (" + shift.endsAt() + ")");
    }
    if (at.isBefore(shift.startsAt().minus(config.earlyStartTolerance()))) {
      throw ProblemException.unprocessable(
          "at",
          "a shift cannot start more than "
              + config.earlyStartTolerance()
              + " before it was scheduled to ("
              + shift.startsAt()
              + ")");
    }
  }
}
