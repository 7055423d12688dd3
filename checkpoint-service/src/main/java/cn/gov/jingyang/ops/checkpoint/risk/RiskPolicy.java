package cn.gov.jingyang.ops.checkpoint.risk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The risk rules in force: the latest version in the database (changed at run time by COMMAND,
 * {@code PUT /risk-rules}). Read in the recording transaction, so an inspection recorded after a
 * change committed is judged by the new version.
 */
@ApplicationScoped
public class RiskPolicy {

  /** The rules an inspection is judged by, and their version (kept with the inspection). */
  public record Judge(int version, RiskRules rules) {
    public List<RiskReason> assess(RiskRules.Facts facts) {
      return rules.assess(facts);
    }
  }

  private final RiskRulesRepository versions;

  public RiskPolicy(RiskRulesRepository versions) {
    this.versions = versions;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public Judge current() {
    RiskRulesVersion v = versions.latest();
    if (v == null) { // a request that overtook the start-up seeding
      versions.seedFirstVersion();
      v = versions.latest();
    }
    return new Judge(v.version(), v.rules());
  }
}
