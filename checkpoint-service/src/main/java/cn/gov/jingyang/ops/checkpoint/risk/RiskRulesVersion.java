package cn.gov.jingyang.ops.checkpoint.risk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of the risk rules: the regions, the fever threshold and the flagging symptoms, with
 * who changed them, when and why. Versions are never changed; a change is the next version.
 */
@Entity
@Table(name = "risk_rules")
public class RiskRulesVersion {

  @Id private int version;

  @JdbcTypeCode(SqlTypes.JSON)
  private List<String> regions;

  @Column(name = "temperature_threshold")
  private BigDecimal temperatureThreshold;

  @JdbcTypeCode(SqlTypes.JSON)
  private List<Symptom> symptoms;

  private String reason;

  @Column(name = "changed_by")
  private String changedBy;

  @Column(name = "changed_at")
  private OffsetDateTime changedAt;

  protected RiskRulesVersion() {}

  RiskRulesVersion(
      int version,
      List<String> regions,
      BigDecimal temperatureThreshold,
      List<Symptom> symptoms,
      String reason,
      String changedBy,
      OffsetDateTime changedAt) {
    this.version = version;
    this.regions = List.copyOf(regions);
    this.temperatureThreshold = temperatureThreshold;
    this.symptoms = List.copyOf(symptoms);
    this.reason = reason;
    this.changedBy = changedBy;
    this.changedAt = changedAt;
  }

  /** The rules of this version, ready to judge occupants. */
  public RiskRules rules() {
    return new RiskRules(regions, temperatureThreshold, symptoms);
  }

  public int version() {
    return version;
  }

  public List<String> regions() {
    return regions;
  }

  public BigDecimal temperatureThreshold() {
    return temperatureThreshold;
  }

  public List<Symptom> symptoms() {
    return symptoms;
  }

  public String reason() {
    return reason;
  }

  public String changedBy() {
    return changedBy;
  }

  public OffsetDateTime changedAt() {
    return changedAt;
  }
}
