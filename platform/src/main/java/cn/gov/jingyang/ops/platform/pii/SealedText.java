package cn.gov.jingyang.ops.platform.pii;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * An entity attribute holding an ID number or a phone: sealed ({@link PersonalDataSealing}) on
 * every write, opened on every read, so the entity and everything built from it hold the clear
 * value while the table never does. Use it with {@code @Convert(converter = SealedText.class)} and
 * declare the column a {@link SealedColumn}; a row written before sealing (clear) opens to itself
 * until the {@link Resealer} has converted it. Lookup columns are set by the entity itself.
 */
@ApplicationScoped
@Converter
public class SealedText implements AttributeConverter<String, String> {

  private final PersonalDataSealing sealing;

  public SealedText(PersonalDataSealing sealing) {
    this.sealing = sealing;
  }

  @Override
  public String convertToDatabaseColumn(String clear) {
    return sealing.seal(clear);
  }

  @Override
  public String convertToEntityAttribute(String stored) {
    return sealing.open(stored);
  }
}
