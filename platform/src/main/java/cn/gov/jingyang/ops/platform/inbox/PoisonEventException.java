package cn.gov.jingyang.ops.platform.inbox;

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
}
