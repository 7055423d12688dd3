package cn.gov.jingyang.ops.platform.inbox;

import cn.gov.jingyang.ops.platform.events.EventCodec;
import cn.gov.jingyang.ops.platform.transaction.TransientFaults;

/**
 * Thrown by an {@link EventHandler} that rejects an event for good: the data break a rule that no
 * retry will change. The event goes to {@code <topic>.dlt} at once (no further attempts) and the
 * consumer carries on; an operator can re-drive it after a fix.
 */
public class PoisonEventException extends RuntimeException {

  public PoisonEventException(String message) {
    super(message);
  }

  public PoisonEventException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * True if the failure says the event itself is refused (a handler's refusal or an unreadable
   * event).
   */
  static boolean isPoison(Throwable failure) {
    return TransientFaults.causes(failure).stream()
        .anyMatch(
            t ->
                t instanceof PoisonEventException
                    || t instanceof EventCodec.MalformedEventException);
  }
}
