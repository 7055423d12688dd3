package cn.gov.jingyang.ops.stack.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The services learn of people and units from personnel-service's events, a moment after they are
 * registered: the chapters that name people in another service wait for that moment.
 */
final class Replicas {

  private static final Duration PATIENCE = Duration.ofMinutes(3);

  private Replicas() {}

  /** Every person of the story known to checkpoint-service's replica. */
  static void awaitPeople(Story story) {
    Set<String> wanted = new HashSet<>();
    story.people.values().forEach(id -> wanted.add(id.toString()));
    await(
        "checkpoint-service to know the story's " + wanted.size() + " people",
        () -> {
          Set<String> known = new HashSet<>();
          Pages.all(story.command, "/api/v1/checkpoint/personnel?")
              .forEach(p -> known.add(p.path("personId").asText()));
          return known.containsAll(wanted);
        });
  }

  /** These people known to case-service's replica. */
  static void awaitCasePeople(Story story, List<UUID> people) {
    await(
        "case-service to know " + people,
        () ->
            people.stream()
                .allMatch(id -> story.command.find("/api/v1/case/personnel/" + id) != null));
  }

  static void await(String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new DemoFailure("gave up waiting for " + what + " after " + PATIENCE);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
