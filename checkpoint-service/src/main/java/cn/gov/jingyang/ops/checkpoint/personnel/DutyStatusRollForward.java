package cn.gov.jingyang.ops.checkpoint.personnel;

import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Every minute: a replica person whose planned change has begun or whose dated change has ended is
 * shown with the status holding now. Shifts need nothing here: they were emptied for the whole
 * interval when its change arrived.
 */
@ApplicationScoped
public class DutyStatusRollForward {

  private final PersonReplicaRepository people;
  private final DutyIntervals intervals;

  public DutyStatusRollForward(PersonReplicaRepository people, DutyIntervals intervals) {
    this.people = people;
    this.intervals = intervals;
  }

  @Scheduled(
      every = "${checkpoint.personnel.roll-forward-every:60s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void everyMinute() {
    rollForward(OffsetDateTime.now());
  }

  /** Locks the people due in id order (as every locker of several replica rows does). */
  @Transactional
  public int rollForward(OffsetDateTime now) {
    List<PersonReplica> due =
        people
            .find("dutyStatusReviewAt <= ?1", Sort.by("personId"), now)
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .list();
    due.forEach(p -> p.showDutyStatus(intervals.of(p.personId(), p.snapshotStatus()), now));
    return due.size();
  }
}
