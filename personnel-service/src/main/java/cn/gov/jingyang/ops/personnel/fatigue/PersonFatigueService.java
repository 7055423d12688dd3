package cn.gov.jingyang.ops.personnel.fatigue;

import cn.gov.jingyang.ops.personnel.person.PersonRepository;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One person's duty days and fatigue: what is read and what is registered by hand. */
@ApplicationScoped
public class PersonFatigueService {

  /** How many recent duty days a person's fatigue shows. */
  static final int RECENT_DUTY_DAYS = 31;

  private final FatigueService fatigue;
  private final FatigueQueries queries;
  private final PersonRepository people;

  public PersonFatigueService(
      FatigueService fatigue, FatigueQueries queries, PersonRepository people) {
    this.fatigue = fatigue;
    this.queries = queries;
    this.people = people;
  }

  public PersonFatigue of(UUID personId) {
    people.require(personId);
    return current(personId);
  }

  /** A period of duty of an active person, end after start; it counts as a shift would. */
  @Transactional
  public PersonFatigue registerDuty(UUID personId, OffsetDateTime start, OffsetDateTime end) {
    people.require(personId).requireActive();
    if (!end.isAfter(start)) {
      throw ProblemException.badRequest("end", "must be after start");
    }
    fatigue.registerDutyPeriod(personId, start, end);
    return current(personId);
  }

  /** A rest day: it breaks the streak and clears an open alert. */
  @Transactional
  public PersonFatigue registerRest(UUID personId, LocalDate day, String reason) {
    people.require(personId);
    fatigue.registerRest(personId, day, reason == null ? "rest registered" : reason);
    return current(personId);
  }

  private PersonFatigue current(UUID personId) {
    return new PersonFatigue(queries.of(personId), queries.dutyDays(personId, RECENT_DUTY_DAYS));
  }
}
