package taplever.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import taplever.error.TapException;

/**
 * Runs the child requests of one parent page on a fixed pool. Submission blocks once
 * {@code 2 × threads} tasks are waiting, so memory is bounded by the pool, not by the account;
 * the caller waits for the whole page before it may write the STATE that covers it.
 */
public final class ChildFanOut implements AutoCloseable {
  private final ExecutorService pool;
  private final Semaphore queued;

  public ChildFanOut(int threads) {
    AtomicInteger n = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "tap-lever-child-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.pool = Executors.newFixedThreadPool(threads, factory);
    this.queued = new Semaphore(threads * 2);
  }

  /** One page's worth of child work; {@link #await()} rethrows the first failure. */
  public final class Batch {
    private final List<Future<?>> futures = new ArrayList<>();

    public void submit(Runnable task) {
      try {
        queued.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while queueing child requests", e);
      }
      try {
        futures.add(pool.submit(() -> {
          try {
            task.run();
          } finally {
            queued.release();
          }
        }));
      } catch (RuntimeException e) {
        queued.release();
        throw e;
      }
    }

    public void await() {
      RuntimeException first = null;
      for (Future<?> f : futures) {
        try {
          if (first == null) {
            f.get();
          } else {
            f.cancel(true);
          }
        } catch (ExecutionException e) {
          first = e.getCause() instanceof RuntimeException re ? re
              : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          first = new IllegalStateException("interrupted while waiting for child requests", e);
        }
      }
      if (first != null) {
        // Let the tasks already running finish before the error surfaces, so nothing writes after.
        for (Future<?> f : futures) {
          try {
            f.get();
          } catch (Exception ignored) {
            // the first failure is the one reported
          }
        }
        throw first instanceof TapException te ? te : first;
      }
    }
  }

  /** Wakes every worker (a signal arrived); their tasks then fail and the batch reports it. */
  public void interruptAll() {
    pool.shutdownNow();
  }

  public Batch batch() {
    return new Batch();
  }

  @Override
  public void close() {
    pool.shutdownNow();
    try {
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("child requests did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
