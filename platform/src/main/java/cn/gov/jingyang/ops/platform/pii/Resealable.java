package cn.gov.jingyang.ops.platform.pii;

/**
 * Sealed personal data that is not a plain column (a JSON document holding ID numbers), converted
 * by its service: the {@link Resealer} calls {@link #resealBatch} until it returns 0.
 */
public interface Resealable {

  /** The name recorded in {@code sealed_data}. */
  String name();

  /**
   * Converts one batch of clear or old-key data to the active key, in a transaction of its own.
   *
   * @return how many were converted; 0 when nothing is left
   */
  int resealBatch(PersonalDataSealing sealing);
}
