package cn.gov.jingyang.ops.personnel.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** Settings of the personnel service, under {@code personnel.*}. */
@ConfigMapping(prefix = "personnel")
public interface PersonnelConfig {

  /** The zone whose calendar days count as duty or rest days. */
  @WithDefault("Asia/Shanghai")
  ZoneId zone();

  Fatigue fatigue();

  interface Fatigue {
    /** Consecutive duty days (without a rest day) at which a FatigueAlert is raised. */
    @WithDefault("7")
    int thresholdDays();

    /** People this many days or fewer below the threshold are listed as "near" it. */
    @WithDefault("2")
    int nearMargin();
  }
}
