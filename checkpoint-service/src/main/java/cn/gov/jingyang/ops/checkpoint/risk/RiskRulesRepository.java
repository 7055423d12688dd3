package cn.gov.jingyang.ops.checkpoint.risk;

import cn.gov.jingyang.ops.checkpoint.config.CheckpointConfig;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/** The versions of the risk rules, newest last; version 1 is the configuration. */
@ApplicationScoped
public class RiskRulesRepository implements PanacheRepositoryBase<RiskRulesVersion, Integer> {

  private static final Logger LOG = Logger.getLogger(RiskRulesRepository.class);

  private final CheckpointConfig config;
  private final ObjectMapper json;

  public RiskRulesRepository(CheckpointConfig config, ObjectMapper json) {
    this.config = config;
    this.json = json;
  }

  /** The version in force, or null before version 1 is written. */
  public RiskRulesVersion latest() {
    return find("order by version desc").firstResult();
  }

  public RiskRulesVersion require(int version) {
    return findByIdOptional(version)
        .orElseThrow(() -> ProblemException.notFound("risk rules version", version));
  }

  public Page<RiskRulesVersion> history(PageRequest page) {
    var q = findAll(Sort.descending("version"));
    return Page.of(q.page(page.panache()).list(), page, q.count());
  }

  /**
   * Writes version 1 from the configuration ({@code checkpoint.risk.*}) unless it exists; the
   * inspections recorded before versions existed were judged by that configuration and are marked
   * version 1. True if this call wrote it.
   */
  boolean seedFirstVersion() {
    CheckpointConfig.Risk risk = config.risk();
    List<String> regions =
        risk.regions().stream().map(String::trim).filter(r -> !r.isEmpty()).toList();
    List<Symptom> symptoms =
        risk.symptoms().stream().map(String::trim).map(Symptom::valueOf).toList();
    int written =
        getEntityManager()
            .createNativeQuery(
                "insert into risk_rules (version, regions, temperature_threshold, symptoms, reason,"
                    + " changed_by, changed_at) values (1, cast(?1 as jsonb), ?2, cast(?3 as jsonb),"
                    + " null, 'configuration', now()) on conflict (version) do nothing")
            .setParameter(1, toJson(regions))
            .setParameter(2, risk.temperatureThreshold())
            .setParameter(3, toJson(symptoms))
            .executeUpdate();
    if (written == 0) {
      return false;
    }
    int marked =
        getEntityManager()
            .createNativeQuery(
                "update inspection set risk_rules_version = 1 where risk_rules_version is null")
            .executeUpdate();
    LOG.infof(
        "risk rules version 1 written from the configuration; %d earlier inspections marked",
        marked);
    return true;
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
