package cn.gov.jingyang.ops.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many clients writing one resource at the same moment, as optimistic locking expects them to: each
 * reads the resource (its ETag), writes with If-Match, and on 412 reads again and retries until its
 * write lands. For the "no update is lost" tests of every If-Match endpoint.
 *
 * <p>A writer's 412 means another writer's write landed after its read, so no writer can see more
 * than {@code writers - 1} of them: the attempts are bounded, and a writer still refused after that
 * many is a finding, not a reason to wait longer.
 */
public final class ConcurrentWriters {

  private ConcurrentWriters() {}

  /** What one attempt answered: the status of the write and the ETag it returned. */
  public record Answer(int status, String etag) {}

  /** One attempt of writer {@code writer}: a fresh read, then the write with its If-Match. */
  @FunctionalInterface
  public interface Attempt {
    Answer write(int writer) throws Exception;
  }

  /**
   * What the writers saw: the ETag each writer's landed write returned (by writer; null if it never
   * landed), how many writes were refused with 412, and anything else than 2xx or 412.
   */
  public record Outcome(List<String> etags, int preconditionFailures, List<String> unexpected) {}

  /** Starts {@code writers} clients at once and waits until each has landed its write. */
  public static Outcome run(int writers, Attempt attempt) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger stale = new AtomicInteger();
    List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    try {
      List<Future<String>> landed = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        landed.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < writers; i++) {
                    Answer answer = attempt.write(writer);
                    if (answer.status() == 412) {
                      stale.incrementAndGet();
                    } else if (answer.status() / 100 == 2) {
                      return answer.etag();
                    } else {
                      unexpected.add("writer " + writer + ": " + answer.status());
                      return null;
                    }
                  }
                  unexpected.add("writer " + writer + ": still 412 after " + writers + " tries");
                  return null;
                }));
      }
      start.countDown();
      List<String> etags = new ArrayList<>();
      for (Future<String> writer : landed) {
        etags.add(writer.get(10, TimeUnit.MINUTES));
      }
      return new Outcome(etags, stale.get(), List.copyOf(unexpected));
    } finally {
      pool.shutdownNow();
    }
  }
}
