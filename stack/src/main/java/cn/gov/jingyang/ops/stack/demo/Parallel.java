package cn.gov.jingyang.ops.stack.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Independent requests of a chapter sent a few at a time: the gateway answers each in tens of
 * milliseconds, so most of a load is waiting, and waiting can overlap.
 */
final class Parallel {

  static final int THREADS = 6;

  private Parallel() {}

  /** Runs {@code work} for every item, at most {@link #THREADS} at once; the first failure wins. */
  static <T> void forEach(List<T> items, Consumer<T> work) {
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(THREADS, items.size())));
    try {
      List<Future<?>> running = new ArrayList<>();
      for (T item : items) {
        running.add(pool.submit(() -> work.accept(item)));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }
}
