package cn.gov.jingyang.ops.checkpoint.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskRulesTest {

  private final RiskRules rules =
      new RiskRules(
          List.of("湖北省", "浙江省/温州市"),
          new BigDecimal("37.3"),
          EnumSet.of(Symptom.FEVER, Symptom.COUGH));

  private List<RiskReason> assess(
      String province, String city, boolean stay, String temperature, Symptom... symptoms) {
    return rules.assess(
        new RiskRules.Facts(province, city, stay, new BigDecimal(temperature), List.of(symptoms)));
  }

  @Test
  void aHealthyTravellerFromElsewhereIsClear() {
    assertThat(assess("四川省", "成都市", false, "36.8")).isEmpty();
  }

  @Test
  void aWholeProvinceIsARiskRegionWhateverTheSpelling() {
    assertThat(assess("湖北省", "武汉市", false, "36.5")).containsExactly(RiskReason.FROM_RISK_REGION);
    assertThat(assess("湖北", null, false, "36.5")).containsExactly(RiskReason.FROM_RISK_REGION);
  }

  @Test
  void aCityRegionFlagsOnlyThatCity() {
    assertThat(assess("浙江省", "温州市", false, "36.5")).containsExactly(RiskReason.FROM_RISK_REGION);
    assertThat(assess("浙江", "温州", false, "36.5")).containsExactly(RiskReason.FROM_RISK_REGION);
    assertThat(assess("浙江省", "杭州市", false, "36.5")).isEmpty();
  }

  @Test
  void feverStartsAtTheThreshold() {
    assertThat(assess("四川省", null, false, "37.2")).isEmpty();
    assertThat(assess("四川省", null, false, "37.3")).containsExactly(RiskReason.FEVER);
  }

  @Test
  void onlyConfiguredSymptomsFlag() {
    assertThat(assess("四川省", null, false, "36.5", Symptom.COUGH))
        .containsExactly(RiskReason.SYMPTOMS);
    assertThat(assess("四川省", null, false, "36.5", Symptom.FATIGUE)).isEmpty();
  }

  @Test
  void aStayInARiskAreaFlagsAndAllReasonsAreListed() {
    assertThat(assess("四川省", null, true, "36.5")).containsExactly(RiskReason.STAYED_IN_RISK_AREA);
    assertThat(assess("湖北省", null, true, "38.0", Symptom.FEVER))
        .containsExactly(
            RiskReason.FROM_RISK_REGION,
            RiskReason.STAYED_IN_RISK_AREA,
            RiskReason.FEVER,
            RiskReason.SYMPTOMS);
  }
}
