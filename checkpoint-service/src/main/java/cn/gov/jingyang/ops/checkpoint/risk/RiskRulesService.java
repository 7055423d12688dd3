package cn.gov.jingyang.ops.checkpoint.risk;

import cn.gov.jingyang.ops.platform.outbox.Outbox;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.transaction.TransactionLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Changes the risk rules at run time: each change a new version, published as RiskRulesChanged. */
@ApplicationScoped
public class RiskRulesService {

  private final RiskRulesRepository versions;
  private final Outbox outbox;

  public RiskRulesService(RiskRulesRepository versions, Outbox outbox) {
    this.versions = versions;
    this.outbox = outbox;
  }

  void onStart(@Observes StartupEvent event) {
    QuarkusTransaction.requiringNew().run(versions::seedFirstVersion);
  }

  @Transactional
  public RiskRulesVersion current() {
    RiskRulesVersion v = versions.latest();
    if (v == null) {
      versions.seedFirstVersion();
      v = versions.latest();
    }
    return v;
  }

  /**
   * The next version, if {@code expectedVersion} is the one in force (412 otherwise). Changes are
   * serialised by a transaction-scoped advisory lock, so two changes based on the same version
   * cannot both succeed.
   */
  @Transactional
  public RiskRulesVersion change(
      long expectedVersion, RiskRulesApi.RiskRulesRequest r, String changedBy) {
    TransactionLock.take(versions.getEntityManager(), "checkpoint.risk_rules");
    RiskRulesVersion current = current();
    if (current.version() != expectedVersion) {
      throw ProblemException.preconditionFailed(
          "the risk rules are at version "
              + current.version()
              + ", not "
              + expectedVersion
              + "; read them again");
    }
    RiskRulesVersion next =
        new RiskRulesVersion(
            current.version() + 1,
            r.regions().stream().map(String::trim).toList(),
            r.temperatureThreshold(),
            List.copyOf(new java.util.LinkedHashSet<>(r.symptoms())),
            r.reason().trim(),
            changedBy,
            OffsetDateTime.now(ZoneOffset.UTC));
    versions.persist(next);
    versions.flush();
    outbox.append(RiskRulesChanged.of(next));
    return next;
  }
}
