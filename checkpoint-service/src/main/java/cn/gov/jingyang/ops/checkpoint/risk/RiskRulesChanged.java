package cn.gov.jingyang.ops.checkpoint.risk;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * COMMAND changed the risk rules: the new version in full. Inspections recorded from then on are
 * judged by it (each carries {@code riskRulesVersion}).
 */
public record RiskRulesChanged(
    int version,
    int previousVersion,
    List<String> regions,
    BigDecimal temperatureThreshold,
    List<Symptom> symptoms,
    String reason,
    String changedBy,
    OffsetDateTime changedAt)
    implements DomainEvent {

  static RiskRulesChanged of(RiskRulesVersion v) {
    return new RiskRulesChanged(
        v.version(),
        v.version() - 1,
        v.regions(),
        v.temperatureThreshold(),
        v.symptoms(),
        v.reason(),
        v.changedBy(),
        v.changedAt());
  }

  @Override
  public String aggregateType() {
    return "RiskRules";
  }

  /** One aggregate: every version in order on one key. */
  @Override
  public String aggregateId() {
    return "risk-rules";
  }
}
