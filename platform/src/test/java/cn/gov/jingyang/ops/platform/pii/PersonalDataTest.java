package cn.gov.jingyang.ops.platform.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void shouldMaskAnIdNumberKeepingRegionAndLastFour() {
    assertThat(PersonalData.maskIdNumber("510603199001011234")).isEqualTo("510603********1234");
    assertThat(PersonalData.maskIdNumber("51060319900101123X")).isEqualTo("510603********123X");
  }

  @Test
  void shouldMaskAPhoneKeepingPrefixAndLastFour() {
    assertThat(PersonalData.maskPhone("13812345678")).isEqualTo("138****5678");
    assertThat(PersonalData.maskPhone("+8613812345678")).isEqualTo("+86138****5678");
  }

  @Test
  void shouldMaskShortValuesWhole() {
    assertThat(PersonalData.maskIdNumber("12345")).isEqualTo("*****");
    assertThat(PersonalData.maskPhone("110")).isEqualTo("***");
  }

  @Test
  void shouldMaskNumbersInsideFreeText() {
    assertThat(PersonalData.maskText("张三 510603199001011234 电话13812345678，已核查"))
        .isEqualTo("张三 510603********1234 电话138****5678，已核查");
  }

  @Test
  void shouldLeaveOtherNumbersAlone() {
    String text = "7000 masks seized, case JY-2020-000123, plate 川F12345, 1234567890123";
    assertThat(PersonalData.maskText(text)).isEqualTo(text);
  }

  @Test
  void shouldLeaveUuidsWholeWhenTheirDigitsLookLikeAPhone() throws Exception {
    // event ids of case.events that the feed once served with "136****4742" inside them
    String id = "0553a843-979c-40a3-bde0-13637414742d";
    String subject = "8aa2fa43-a4fe-4364-8d67-15475867679e";
    assertThat(PersonalData.maskText(id)).isEqualTo(id);
    assertThat(PersonalData.holdsPhone(id)).isFalse();
    assertThat(PersonalData.maskText("task " + subject + " for 13812345678"))
        .isEqualTo("task " + subject + " for 138****5678");
    JsonNode event =
        new ObjectMapper()
            .readTree(
                "{\"id\":\"%s\",\"subject\":\"%s\",\"data\":{\"taskId\":\"%s\"}}"
                    .formatted(id, subject, subject));
    assertThat(PersonalData.mask(event)).isEqualTo(event);
  }

  @Test
  void shouldMaskPersonalFieldsAnywhereInAJsonTreeWithoutTouchingTheOriginal() throws Exception {
    JsonNode original =
        mapper.readTree(
            """
            {"occupants":[{"name":"李四","nationalId":"510603199001011234","phone":"13812345678"}],
             "notes":"called 13900001111","count":3}""");
    JsonNode masked = PersonalData.mask(original);
    assertThat(masked.at("/occupants/0/nationalId").asText()).isEqualTo("510603********1234");
    assertThat(masked.at("/occupants/0/phone").asText()).isEqualTo("138****5678");
    assertThat(masked.at("/occupants/0/name").asText()).isEqualTo("李四");
    assertThat(masked.at("/notes").asText()).isEqualTo("called 139****1111");
    assertThat(masked.at("/count").asInt()).isEqualTo(3);
    assertThat(original.at("/occupants/0/nationalId").asText()).isEqualTo("510603199001011234");
  }
}
