package cn.gov.jingyang.ops.cases.verification;

import cn.gov.jingyang.ops.platform.events.EventCodec;
import cn.gov.jingyang.ops.platform.events.EventEnvelope;
import cn.gov.jingyang.ops.platform.inbox.EventHandler;
import cn.gov.jingyang.ops.platform.inbox.PoisonEventException;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An occupant a checkpoint flagged (checkpoint.events OccupantFlagged) is a CHECKPOINT_FLAG task at
 * the station covering destinationTownCode; a null, unknown or outside-district code puts it in the
 * district queue. Redelivered: the platform's idempotent consumer and the source's unique key (the
 * occupant id) keep it one task; the same person flagged again while the task is open adds a
 * source.
 *
 * <p>The event carries the ID number and phone masked, and sealed in {@code idNumberSealed} and
 * {@code phoneSealed}: the task takes the clear values opened from those. An event published before
 * they existed (clear {@code idNumber}, {@code phone}, no sealed field) is taken as it is.
 */
@ApplicationScoped
public class OccupantFlaggedHandler implements EventHandler {

  private static final Pattern ID_NUMBER = Pattern.compile("^[0-9]{17}[0-9Xx]$");
  private static final String FLAGGED_BY = "checkpoint";

  private final EventCodec codec;
  private final TaskIntake intake;
  private final PersonalDataSealing sealing;

  public OccupantFlaggedHandler(EventCodec codec, TaskIntake intake, PersonalDataSealing sealing) {
    this.codec = codec;
    this.intake = intake;
    this.sealing = sealing;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record OccupantFlagged(
      UUID inspectionId,
      UUID occupantId,
      String checkpointCode,
      OffsetDateTime inspectedAt,
      String name,
      String idNumber,
      String idNumberSealed,
      String phone,
      String phoneSealed,
      String destinationTown,
      String destinationTownCode,
      String destinationAddress,
      String result,
      List<String> reasons) {}

  @Override
  public String consumerName() {
    return "case-occupant-flags";
  }

  @Override
  public Set<String> topics() {
    return Set.of("checkpoint.events");
  }

  @Override
  public Set<String> eventNames() {
    return Set.of("OccupantFlagged");
  }

  @Override
  public void handle(EventEnvelope event) {
    OccupantFlagged flag = codec.data(event, OccupantFlagged.class);
    String idNumber = clear(flag.idNumberSealed(), flag.idNumber());
    if (flag.occupantId() == null
        || flag.inspectionId() == null
        || flag.name() == null
        || flag.name().isBlank()
        || idNumber == null
        || !ID_NUMBER.matcher(idNumber.trim()).matches()) {
      throw new PoisonEventException(
          "OccupantFlagged without occupantId, inspectionId, name or a valid idNumber");
    }
    KeyPerson person =
        new KeyPerson(
            flag.name(),
            idNumber,
            clear(flag.phoneSealed(), flag.phone()),
            flag.destinationAddress(),
            flag.destinationTown(),
            flag.destinationTownCode());
    String detail =
        "checkpoint "
            + flag.checkpointCode()
            + ": "
            + flag.result()
            + " "
            + (flag.reasons() == null ? List.of() : flag.reasons());
    OffsetDateTime at = event.time() == null ? OffsetDateTime.now() : event.time();
    intake.take(
        person,
        SourceRef.checkpointFlag(flag.inspectionId(), flag.occupantId(), detail),
        null,
        at,
        FLAGGED_BY);
  }

  /**
   * The clear value: opened from the sealed field, or the plain field of an event that has none. A
   * sealed value this service cannot open (another key, altered) makes the event poison.
   */
  private String clear(String sealed, String plain) {
    if (sealed == null) {
      return plain;
    }
    try {
      return sealing.open(sealed);
    } catch (RuntimeException e) {
      throw new PoisonEventException("OccupantFlagged with a sealed value that does not open");
    }
  }
}
