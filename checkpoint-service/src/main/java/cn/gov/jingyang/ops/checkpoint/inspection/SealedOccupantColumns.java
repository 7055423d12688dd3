package cn.gov.jingyang.ops.checkpoint.inspection;

import cn.gov.jingyang.ops.platform.pii.SealedColumn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The occupant columns that hold personal data sealed, for the platform's Resealer: at startup it
 * seals what rows stored before sealing (or under an older key) still hold, and fills the ID
 * number's lookup hash. Nothing searches by phone, so it has no lookup column.
 */
@ApplicationScoped
public class SealedOccupantColumns {

  @Produces
  @Singleton
  SealedColumn occupantIdNumber() {
    return new SealedColumn("occupant", "id", "id_number", "id_number_lookup");
  }

  @Produces
  @Singleton
  SealedColumn occupantPhone() {
    return new SealedColumn("occupant", "id", "phone", null);
  }
}
