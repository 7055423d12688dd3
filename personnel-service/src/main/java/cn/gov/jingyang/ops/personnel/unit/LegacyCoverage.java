package cn.gov.jingyang.ops.personnel.unit;

import cn.gov.jingyang.ops.platform.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Moves the free-text towns written before coverage was kept by code (column unit.legacy_towns) to
 * gazetteer codes, once, at start: SQL cannot resolve names through the gazetteer. A name that
 * resolves and no other station covers becomes a covered town (UnitCoverageChanged published); a
 * name that does not resolve, or a town another station already covers, stays in legacy_towns and
 * is logged at every start until a person sets the coverage.
 */
@ApplicationScoped
public class LegacyCoverage {

  private static final Logger LOG = Logger.getLogger(LegacyCoverage.class);

  private final UnitRepository units;
  private final TownCoverage coverage;
  private final Outbox outbox;
  private final UnitStates states;

  public LegacyCoverage(
      UnitRepository units, TownCoverage coverage, Outbox outbox, UnitStates states) {
    this.states = states;
    this.units = units;
    this.coverage = coverage;
    this.outbox = outbox;
  }

  void onStart(@Observes StartupEvent event) {
    migrate();
  }

  /** Resolves every station's legacy towns it can; returns how many towns it placed. */
  public int migrate() {
    return QuarkusTransaction.requiringNew().call(this::migrateInTransaction);
  }

  @SuppressWarnings("unchecked")
  private int migrateInTransaction() {
    List<Object[]> rows =
        units
            .getEntityManager()
            .createNativeQuery(
                "select id, legacy_towns from unit where legacy_towns <> '{}' order by code"
                    + " for update")
            .getResultList();
    int placed = 0;
    for (Object[] row : rows) {
      Unit unit = units.findById((UUID) row[0]);
      List<CoveredTown> before = unit.towns();
      List<CoveredTown> after = new ArrayList<>(before);
      List<String> left = new ArrayList<>();
      for (String name : (String[]) row[1]) {
        var town = coverage.find(name).filter(t -> units.primaryStationOf(t.code()).isEmpty());
        if (town.isPresent() && unit.kind() == UnitKind.POLICE_STATION) {
          after.add(town.get());
          placed++;
        } else {
          left.add(name);
          LOG.warnf(
              "unit %s: town '%s' was not moved to a gazetteer code (unknown, or covered by"
                  + " another station); set its coverage by PUT /units/%s/coverage",
              unit.code(), name, unit.id());
        }
      }
      if (unit.kind() == UnitKind.POLICE_STATION && unit.cover(after)) {
        units.flush();
        outbox.append(UnitCoverageChanged.of(unit, before));
        states.publish(unit);
      }
      units
          .getEntityManager()
          .createNativeQuery("update unit set legacy_towns = cast(:left as text[]) where id = :id")
          .setParameter("left", left.toArray(String[]::new))
          .setParameter("id", unit.id())
          .executeUpdate();
    }
    return placed;
  }
}
