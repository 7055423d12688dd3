package cn.gov.jingyang.ops.personnel.fatigue;

import cn.gov.jingyang.ops.personnel.config.PersonnelConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/**
 * Shortly after midnight: yesterday without duty was a rest day, so streaks end and alerts clear.
 */
@ApplicationScoped
public class FatigueSweep {

  private final FatigueService fatigue;
  private final PersonnelConfig config;

  public FatigueSweep(FatigueService fatigue, PersonnelConfig config) {
    this.fatigue = fatigue;
    this.config = config;
  }

  @Scheduled(
      cron = "${personnel.fatigue.sweep-cron:0 5 0 * * ?}",
      timeZone = "Asia/Shanghai",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void daily() {
    fatigue.reevaluateAll(LocalDate.now(config.zone()));
  }
}
