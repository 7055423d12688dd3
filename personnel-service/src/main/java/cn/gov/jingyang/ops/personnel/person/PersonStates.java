package cn.gov.jingyang.ops.personnel.person;

import cn.gov.jingyang.ops.platform.outbox.Outbox;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Publishes a person's latest state on {@value #TOPIC} through the outbox, in the transaction that
 * changed the person. Every write that changes a {@link Person} calls {@link #publish} after its
 * flush (so the snapshot carries the new version).
 */
@ApplicationScoped
public class PersonStates {

  /** Compacted (cleanup.policy=compact), key = person id. */
  public static final String TOPIC = "personnel.people.state";

  private final Outbox outbox;
  private final PersonalDataSealing sealing;

  public PersonStates(Outbox outbox, PersonalDataSealing sealing) {
    this.outbox = outbox;
    this.sealing = sealing;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void publish(Person person) {
    outbox.appendTo(TOPIC, PersonSnapshot.of(person, sealing));
  }
}
