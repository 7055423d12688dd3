package cn.gov.jingyang.ops.platform.testapp;

import cn.gov.jingyang.ops.platform.pii.SealedColumn;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The test app's sealed column: {@code test_witness.id_number}, looked up by its HMAC. */
public class Witnesses {

  @Produces
  @Singleton
  SealedColumn witnessIdNumber() {
    return new SealedColumn("test_witness", "id", "id_number", "id_number_lookup");
  }
}
