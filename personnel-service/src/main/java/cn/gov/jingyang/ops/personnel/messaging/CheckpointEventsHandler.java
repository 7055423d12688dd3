package cn.gov.jingyang.ops.personnel.messaging;

import cn.gov.jingyang.ops.personnel.fatigue.FatigueService;
import cn.gov.jingyang.ops.personnel.party.PartyBranchService;
import cn.gov.jingyang.ops.platform.events.EventCodec;
import cn.gov.jingyang.ops.platform.events.EventEnvelope;
import cn.gov.jingyang.ops.platform.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Checkpoint-service's events: started and ended shifts count as duty for their members (a started
 * shift provisionally until its planned end, the ended shift with its actual times); a closed
 * checkpoint dissolves its temporary party branches. Other event types are ignored.
 */
@ApplicationScoped
public class CheckpointEventsHandler implements EventHandler {

  static final String TOPIC = "checkpoint.events";

  private final EventCodec codec;
  private final FatigueService fatigue;
  private final PartyBranchService branches;

  public CheckpointEventsHandler(
      EventCodec codec, FatigueService fatigue, PartyBranchService branches) {
    this.codec = codec;
    this.fatigue = fatigue;
    this.branches = branches;
  }

  @Override
  public String consumerName() {
    return "personnel-checkpoint-events";
  }

  @Override
  public Set<String> topics() {
    return Set.of(TOPIC);
  }

  @Override
  public Set<String> eventNames() {
    return Set.of("ShiftStarted", "ShiftEnded", "CheckpointStatusChanged");
  }

  @Override
  public void handle(EventEnvelope event) {
    switch (event.eventName()) {
      case "ShiftStarted" -> shift(codec.data(event, ShiftData.class), false);
      case "ShiftEnded" -> shift(codec.data(event, ShiftData.class), true);
      case "CheckpointStatusChanged" -> {
        CheckpointStatusData change = codec.data(event, CheckpointStatusData.class);
        if (change.closed()) {
          branches.dissolveTemporaryBranchesOf(change.checkpointId(), "checkpoint closed");
        }
      }
      default -> {}
    }
  }

  private void shift(ShiftData shift, boolean ended) {
    if (shift.members() == null
        || shift.start() == null
        || shift.end() == null
        || !shift.end().isAfter(shift.start())) {
      throw new EventCodec.MalformedEventException(
          "shift " + shift.shiftId() + " has no valid interval or members");
    }
    for (ShiftData.Member member : shift.members()) {
      fatigue.recordDuty(
          member.personId(), "shift:" + shift.shiftId(), shift.start(), shift.end(), ended);
    }
  }
}
