package cn.gov.jingyang.ops.cases.casefile;

import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A case's parties as case_file.parties holds them: the same JSON array as before, with each
 * party's idNumber and phone sealed. The case sees them in clear; a party not yet converted by
 * {@link PartiesResealing} reads as it is.
 */
@Converter
@ApplicationScoped
public class SealedParties implements AttributeConverter<List<Party>, String> {

  private static final TypeReference<List<Party>> PARTIES = new TypeReference<>() {};

  private final PersonalDataSealing sealing;
  private final ObjectMapper json;

  public SealedParties(PersonalDataSealing sealing, ObjectMapper json) {
    this.sealing = sealing;
    this.json = json;
  }

  @Override
  public String convertToDatabaseColumn(List<Party> parties) {
    try {
      return json.writeValueAsString(
          each(parties == null ? List.of() : parties, this::sealUnlessSealed));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("parties not written", e);
    }
  }

  @Override
  public List<Party> convertToEntityAttribute(String stored) {
    if (stored == null) {
      return List.of();
    }
    try {
      return each(json.readValue(stored, PARTIES), sealing::open);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("parties not read", e);
    }
  }

  private String sealUnlessSealed(String value) {
    return PersonalDataSealing.isSealed(value) ? value : sealing.seal(value);
  }

  private static List<Party> each(List<Party> parties, UnaryOperator<String> personalData) {
    return parties.stream()
        .map(
            p ->
                new Party(
                    p.name(),
                    personalData.apply(p.idNumber()),
                    personalData.apply(p.phone()),
                    p.role()))
        .toList();
  }
}
