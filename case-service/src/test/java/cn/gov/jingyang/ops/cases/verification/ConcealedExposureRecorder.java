package cn.gov.jingyang.ops.cases.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the ConcealedExposureFound events fired, as casefile's observer will receive them. */
@ApplicationScoped
public class ConcealedExposureRecorder {

  private final List<UUID> tasks = new CopyOnWriteArrayList<>();

  void found(@Observes ConcealedExposureFound found) {
    tasks.add(found.taskId());
  }

  public long timesFor(String taskId) {
    return tasks.stream().filter(t -> t.toString().equals(taskId)).count();
  }
}
