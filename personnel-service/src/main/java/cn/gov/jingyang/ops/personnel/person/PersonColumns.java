package cn.gov.jingyang.ops.personnel.person;

import cn.gov.jingyang.ops.platform.pii.SealedColumn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The personal data of {@code person} that rests sealed, for the platform's Resealer: it seals the
 * rows written in clear before sealing, and re-seals those of an older key after a rotation. The
 * phone has no lookup column: nothing searches or de-duplicates people by phone.
 */
@ApplicationScoped
public class PersonColumns {

  @Produces
  @Singleton
  SealedColumn personPhone() {
    return new SealedColumn("person", "id", "phone", null);
  }
}
