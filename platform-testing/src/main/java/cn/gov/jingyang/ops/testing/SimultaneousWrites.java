package cn.gov.jingyang.ops.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.ExtractableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * Writes that meet at one instant (issue 13 R5). {@link #conflicting}: every client reads the same
 * version of one resource, waits until all have read it, and then all write with that ETag at once
 * — exactly one write may land, every other must be refused with 412 (or 409) problem+json, so no
 * update is lost. {@link #identical}: one request with one {@code Idempotency-Key} sent by many
 * clients at once, as a client's impatient retries would — it must take effect once.
 *
 * <p>Unlike {@link ConcurrentWriters} nobody retries: the test sees each write's first answer.
 */
public final class SimultaneousWrites {

  /** How a loser may be refused: stale If-Match, or a conflict found when the row was written. */
  public static final Set<Integer> REFUSALS = Set.of(409, 412);

  private static final Logger LOG = Logger.getLogger(SimultaneousWrites.class);

  private SimultaneousWrites() {}

  /** What one write answered. */
  public record Answer(int status, String contentType, String etag, String location, String body) {

    public static Answer of(ExtractableResponse<?> response) {
      return new Answer(
          response.statusCode(),
          response.contentType(),
          response.header("ETag"),
          response.header("Location"),
          response.asString());
    }

    public boolean landed() {
      return status / 100 == 2;
    }

    public boolean isProblem() {
      return contentType != null && contentType.startsWith("application/problem+json");
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + body;
    }
  }

  /** Writer {@code writer}'s reading of the resource: the ETag it will send as If-Match. */
  @FunctionalInterface
  public interface Read {
    String etag(int writer) throws Exception;
  }

  /** Writer {@code writer}'s write, with If-Match {@code ifMatch}. */
  @FunctionalInterface
  public interface Write {
    Answer write(int writer, String ifMatch) throws Exception;
  }

  /** Sender {@code sender}'s copy of the request. */
  @FunctionalInterface
  public interface Send {
    Answer send(int sender) throws Exception;
  }

  /** The ETag all writers read, and each writer's answer (by writer). */
  public record Conflict(String etag, List<Answer> answers) {

    /**
     * The writer whose write landed; fails unless exactly one did and every other was refused with
     * 412 or 409 problem+json whose {@code status} is the HTTP status.
     */
    public int soleWinner() {
      List<Integer> winners =
          IntStream.range(0, answers.size()).filter(w -> answers.get(w).landed()).boxed().toList();
      assertThat(winners).as("writers whose write landed: %s", answers).hasSize(1);
      for (int w = 0; w < answers.size(); w++) {
        Answer answer = answers.get(w);
        if (!answer.landed()) {
          assertThat(answer.status()).as("writer %d: %s", w, answer).isIn(REFUSALS);
          assertThat(answer.isProblem()).as("writer %d problem+json: %s", w, answer).isTrue();
          assertThat(problemStatus(answer.body()))
              .as("writer %d: %s", w, answer)
              .isEqualTo(answer.status());
        }
      }
      return winners.get(0);
    }

    public Answer winnerAnswer() {
      return answers.get(soleWinner());
    }

    /** "50 writers of version "3": 1 landed, 49×412" — what the test log shows. */
    public String summary() {
      Map<Integer, Long> byStatus =
          answers.stream()
              .collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
      return answers.size() + " writers of version " + etag + ": " + byStatus;
    }
  }

  /**
   * Starts {@code writers} clients; each reads, all wait until every one has read, then all write
   * with what they read at once. Fails if they did not all read the same ETag (the resource changed
   * while they were reading).
   */
  public static Conflict conflicting(int writers, Read read, Write write) throws Exception {
    CyclicBarrier allRead = new CyclicBarrier(writers);
    List<String> etags = new ArrayList<>();
    List<Answer> answers =
        atOnce(
            writers,
            writer -> {
              String etag = read.etag(writer);
              synchronized (etags) {
                etags.add(etag);
              }
              allRead.await(5, TimeUnit.MINUTES);
              return write.write(writer, etag);
            });
    assertThat(etags).as("what the writers read").hasSize(writers).containsOnly(etags.get(0));
    Conflict conflict = new Conflict(etags.get(0), answers);
    LOG.infof("simultaneous writes: %s", conflict.summary());
    return conflict;
  }

  /**
   * The same request sent {@code senders} times at once; each copy's answer (by sender). Checks
   * that every copy was answered as the one that took effect (same status and body) or, while that
   * one was still running, with 409 problem+json, and returns the answer of the one that landed.
   */
  public static Answer identical(int senders, Send send) throws Exception {
    List<Answer> answers = atOnce(senders, send);
    LOG.infof(
        "simultaneous copies of one request: %s",
        answers.stream()
            .collect(
                Collectors.groupingBy(
                    a -> a.status() + (a.landed() ? "" : " problem"),
                    TreeMap::new,
                    Collectors.counting())));
    List<Answer> landed = answers.stream().filter(Answer::landed).toList();
    assertThat(landed).as("copies that landed: %s", answers).isNotEmpty();
    Answer first = landed.get(0);
    for (Answer answer : answers) {
      if (answer.landed()) {
        assertThat(answer.status()).as("replayed status").isEqualTo(first.status());
        assertThat(answer.body()).as("replayed body").isEqualTo(first.body());
        assertThat(answer.location()).as("replayed Location").isEqualTo(first.location());
      } else {
        assertThat(answer.status()).as("a copy that did not land: %s", answer).isEqualTo(409);
        assertThat(answer.isProblem()).as("problem+json: %s", answer).isTrue();
      }
    }
    return first;
  }

  private static int problemStatus(String body) {
    try {
      return new ObjectMapper().readTree(body).path("status").asInt();
    } catch (Exception e) {
      return -1;
    }
  }

  private static List<Answer> atOnce(int clients, Send send) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CyclicBarrier start = new CyclicBarrier(clients);
    try {
      List<Future<Answer>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        futures.add(
            pool.submit(
                () -> {
                  start.await(5, TimeUnit.MINUTES);
                  return send.send(client);
                }));
      }
      List<Answer> answers = new ArrayList<>();
      for (Future<Answer> future : futures) {
        answers.add(future.get(10, TimeUnit.MINUTES));
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }
}
