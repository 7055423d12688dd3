package cn.gov.jingyang.ops.personnel.unit;

import cn.gov.jingyang.ops.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Publishes a unit's latest state on {@value #TOPIC} through the outbox, in the transaction that
 * changed the unit. Every write that changes a {@link Unit} calls {@link #publish} after its flush.
 */
@ApplicationScoped
public class UnitStates {

  /** Compacted (cleanup.policy=compact), key = unit id. */
  public static final String TOPIC = "personnel.units.state";

  private final Outbox outbox;

  public UnitStates(Outbox outbox) {
    this.outbox = outbox;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void publish(Unit unit) {
    outbox.appendTo(TOPIC, UnitSnapshot.of(unit));
  }
}
