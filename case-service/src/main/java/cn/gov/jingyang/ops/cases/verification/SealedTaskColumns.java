package cn.gov.jingyang.ops.cases.verification;

import cn.gov.jingyang.ops.platform.pii.SealedColumn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The task columns that hold personal data sealed, for the platform's Resealer: at startup it seals
 * the rows written in clear before sealing existed (filling the ID number's lookup) and reseals
 * those sealed with a key no longer active.
 */
@ApplicationScoped
public class SealedTaskColumns {

  @Produces
  @Singleton
  SealedColumn taskIdNumber() {
    return new SealedColumn("verification_task", "id", "id_number", "id_number_lookup");
  }

  @Produces
  @Singleton
  SealedColumn taskPhone() {
    return new SealedColumn("verification_task", "id", "phone", null);
  }
}
