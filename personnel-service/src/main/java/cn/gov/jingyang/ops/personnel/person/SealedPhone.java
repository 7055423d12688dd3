package cn.gov.jingyang.ops.personnel.person;

import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * A person's phone as it rests in {@code person.phone}: sealed ({@code pd1:…}, AES-256-GCM with the
 * active personal-data key) on every write, opened on every read, so the entity and everything
 * built from it hold the clear number while the table never does. A row written before sealing
 * (clear) opens to itself until the platform's Resealer has converted it ({@link PersonColumns}).
 */
@ApplicationScoped
@Converter
public class SealedPhone implements AttributeConverter<String, String> {

  private final PersonalDataSealing sealing;

  public SealedPhone(PersonalDataSealing sealing) {
    this.sealing = sealing;
  }

  @Override
  public String convertToDatabaseColumn(String phone) {
    return sealing.seal(phone);
  }

  @Override
  public String convertToEntityAttribute(String stored) {
    return sealing.open(stored);
  }
}
