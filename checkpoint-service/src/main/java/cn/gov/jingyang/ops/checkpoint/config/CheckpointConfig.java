package cn.gov.jingyang.ops.checkpoint.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.List;

/** The checkpoint service's own settings (environment: CHECKPOINT_RISK_REGIONS, ...). */
@ConfigMapping(prefix = "checkpoint")
public interface CheckpointConfig {

  Risk risk();

  Inspection inspection();

  Visit visit();

  Shift shift();

  interface Risk {
    /** Risk regions: a province ("湖北省") or "province/city" ("浙江省/温州市"). */
    @WithDefault("湖北省")
    List<String> regions();

    /** Temperature at or above which an occupant has fever, °C. */
    @WithDefault("37.3")
    BigDecimal temperatureThreshold();

    /** Symptoms that flag an occupant. */
    @WithDefault(
        "FEVER,COUGH,SHORTNESS_OF_BREATH,FATIGUE,SORE_THROAT,DIARRHOEA,LOSS_OF_TASTE_OR_SMELL")
    List<String> symptoms();
  }

  interface Inspection {
    /** Most records one batch upload may carry. */
    @WithDefault("500")
    int batchLimit();

    /** How far in the future an inspection time may lie (tablet clocks drift). */
    @WithDefault("PT10M")
    java.time.Duration clockTolerance();
  }

  interface Visit {
    /** When the evening of a day begins (Asia/Shanghai) for {@code GET /visits/coverage}. */
    @WithDefault("18:00")
    java.time.LocalTime eveningStart();

    /** How long the evening lasts from its start (PT6H: 18:00 to midnight). */
    @WithDefault("PT6H")
    java.time.Duration eveningLength();
  }

  interface Shift {
    /** How much earlier than scheduled a shift may be started. */
    @WithDefault("PT2H")
    java.time.Duration earlyStartTolerance();
  }
}
