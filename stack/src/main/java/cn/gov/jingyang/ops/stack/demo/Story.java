package cn.gov.jingyang.ops.stack.demo;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the chapters share: the clients they speak through, and the ids of what earlier chapters
 * found or created, by natural key (unit code, person key, checkpoint code).
 */
final class Story {

  /** Beijing time, in which the article tells its dates. */
  static final ZoneOffset CST = ZoneOffset.ofHours(8);

  /** Checkpoints set up (26 Jan), police in the lead (28 Jan), flag presented (2 Feb). */
  static final LocalDate SET_UP = LocalDate.of(2020, 1, 26);

  static final LocalDate POLICE_LEAD = LocalDate.of(2020, 1, 28);
  static final LocalDate FLAG = LocalDate.of(2020, 2, 2);

  /** The two weeks of shifts and inspections: 28 Jan to 10 Feb. */
  static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 28);

  static final LocalDate LAST_DAY = LocalDate.of(2020, 2, 10);

  final URI gateway;
  final PublicApi command;
  final Clients clients;
  final Map<String, UUID> units = new ConcurrentHashMap<>();
  final Map<String, UUID> people = new ConcurrentHashMap<>();
  final Map<String, UUID> checkpoints = new ConcurrentHashMap<>();
  final Map<String, UUID> branches = new ConcurrentHashMap<>();
  final Map<String, Integer> created = new ConcurrentHashMap<>();

  Story(URI gateway, PublicApi command, Clients clients) {
    this.gateway = gateway;
    this.command = command;
    this.clients = clients;
  }

  /** The personnel administration client (registered by {@link Clients}). */
  PublicApi personnel() {
    return clients.personnel();
  }

  UUID unit(String code) {
    return require(units, code, "unit");
  }

  UUID person(String key) {
    return require(people, key, "person");
  }

  UUID checkpoint(String code) {
    return require(checkpoints, code, "checkpoint");
  }

  void count(String what) {
    count(what, 1);
  }

  /** {@code n} more of {@code what} created by this load (nothing recorded for 0). */
  void count(String what, int n) {
    if (n > 0) {
      created.merge(what, n, Integer::sum);
    }
  }

  static OffsetDateTime at(LocalDate day, int hour, int minute) {
    return OffsetDateTime.of(day.atStartOfDay().plusHours(hour).plusMinutes(minute), CST);
  }

  private static UUID require(Map<String, UUID> ids, String key, String what) {
    UUID id = ids.get(key);
    if (id == null) {
      throw new DemoFailure("no " + what + " " + key + " in the story");
    }
    return id;
  }
}
