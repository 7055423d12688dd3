package cn.gov.jingyang.ops.checkpoint.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The risk rules: an occupant from a risk region, who stayed in a risk area in the last 14 days,
 * with a temperature at or above the threshold, or with a flagging symptom is FLAGGED. Pure: the
 * configuration is passed in, so the rules are unit-tested without a container.
 */
public final class RiskRules {

  private final List<Region> regions;
  private final BigDecimal temperatureThreshold;
  private final Set<Symptom> flaggingSymptoms;

  public RiskRules(
      Collection<String> regions, BigDecimal temperatureThreshold, Collection<Symptom> symptoms) {
    this.regions =
        regions.stream().map(String::trim).filter(r -> !r.isEmpty()).map(Region::parse).toList();
    this.temperatureThreshold = temperatureThreshold;
    this.flaggingSymptoms =
        symptoms.isEmpty() ? EnumSet.noneOf(Symptom.class) : EnumSet.copyOf(symptoms);
  }

  /** What the rules need to know about an occupant. */
  public record Facts(
      String originProvince,
      String originCity,
      boolean stayedInRiskArea,
      BigDecimal temperature,
      Collection<Symptom> symptoms) {}

  /** The reasons an occupant is flagged, in a stable order; empty when they are clear. */
  public List<RiskReason> assess(Facts facts) {
    List<RiskReason> reasons = new ArrayList<>();
    if (regions.stream().anyMatch(r -> r.contains(facts.originProvince(), facts.originCity()))) {
      reasons.add(RiskReason.FROM_RISK_REGION);
    }
    if (facts.stayedInRiskArea()) {
      reasons.add(RiskReason.STAYED_IN_RISK_AREA);
    }
    if (facts.temperature() != null && facts.temperature().compareTo(temperatureThreshold) >= 0) {
      reasons.add(RiskReason.FEVER);
    }
    if (facts.symptoms() != null
        && facts.symptoms().stream().anyMatch(flaggingSymptoms::contains)) {
      reasons.add(RiskReason.SYMPTOMS);
    }
    return List.copyOf(reasons);
  }

  /** A province, or a city within a province ("浙江省/温州市"); names compare without 省/市 suffixes. */
  record Region(String province, String city) {
    static Region parse(String text) {
      int slash = text.indexOf('/');
      return slash < 0
          ? new Region(normalise(text), null)
          : new Region(normalise(text.substring(0, slash)), normalise(text.substring(slash + 1)));
    }

    boolean contains(String originProvince, String originCity) {
      if (!province.equals(normalise(originProvince))) {
        return false;
      }
      return city == null || city.equals(normalise(originCity));
    }

    static String normalise(String name) {
      if (name == null) {
        return "";
      }
      String s = name.trim().toLowerCase(Locale.ROOT);
      for (String suffix : List.of("省", "市", "自治区", "特别行政区", " province", " city")) {
        if (s.length() > suffix.length() && s.endsWith(suffix)) {
          s = s.substring(0, s.length() - suffix.length());
          break;
        }
      }
      return s;
    }
  }
}
