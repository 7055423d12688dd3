package cn.gov.jingyang.ops.cases.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Readable case numbers, JY-&lt;year&gt;-&lt;6 digits&gt;, counted per year of the report
 * (Asia/Shanghai).
 *
 * <p>The counter is a row per year ({@code case_number_counter}) incremented by one upsert in the
 * creating transaction: the row stays locked until that transaction ends, so concurrent creations
 * take turns and never draw the same number, and a creation that rolls back gives its number back
 * (no gaps). The lock is held only from the upsert to the commit, which is why a case is numbered
 * last, after everything that may refuse it.
 */
@ApplicationScoped
public class CaseNumbers {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final EntityManager em;

  public CaseNumbers(EntityManager em) {
    this.em = em;
  }

  /** The next number of the year {@code reportedAt} falls in; must run inside a transaction. */
  public String next(OffsetDateTime reportedAt) {
    int year = reportedAt.atZoneSameInstant(ZONE).getYear();
    Number value =
        (Number)
            em.createNativeQuery(
                    "insert into case_number_counter (year, last_value) values (?1, 1) "
                        + "on conflict (year) do update "
                        + "set last_value = case_number_counter.last_value + 1 "
                        + "returning last_value")
                .setParameter(1, year)
                .getSingleResult();
    return "JY-%d-%06d".formatted(year, value.intValue());
  }
}
