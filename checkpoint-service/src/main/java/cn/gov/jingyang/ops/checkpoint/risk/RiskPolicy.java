package cn.gov.jingyang.ops.checkpoint.risk;

import cn.gov.jingyang.ops.checkpoint.config.CheckpointConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The risk rules as configured ({@code checkpoint.risk.*}). */
@ApplicationScoped
public class RiskPolicy {

  private final RiskRules rules;

  public RiskPolicy(CheckpointConfig config) {
    CheckpointConfig.Risk risk = config.risk();
    this.rules =
        new RiskRules(
            risk.regions(),
            risk.temperatureThreshold(),
            risk.symptoms().stream().map(String::trim).map(Symptom::valueOf).toList());
  }

  public List<RiskReason> assess(RiskRules.Facts facts) {
    return rules.assess(facts);
  }
}
