package cn.gov.jingyang.ops.personnel.duty;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Every minute: a person whose planned change has begun (leave from today) or whose dated change
 * has ended is shown with the status that holds now. Publishes nothing: the change was published
 * with its dates when it was recorded.
 */
@ApplicationScoped
public class DutyStatusRollForward {

  private final DutyStatusService service;

  public DutyStatusRollForward(DutyStatusService service) {
    this.service = service;
  }

  @Scheduled(
      every = "${personnel.duty.roll-forward-every:60s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void rollForward() {
    service.rollForward(OffsetDateTime.now(ZoneOffset.UTC));
  }
}
