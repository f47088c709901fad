package taplever.sync.read;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import taplever.error.TapException;
import taplever.runtime.DaemonThreads;

/**
 * The run's one pool for child requests; each parent page's requests are a {@link Batch}, which
 * the caller awaits before it may write the STATE that covers the page. Submission blocks while
 * {@code 2 × threads} tasks are unfinished (running, or queued behind them), so the pages of
 * child records held in memory are bounded by the pool, not by the size of a parent page.
 */
public final class ChildFanOut implements AutoCloseable {
  private static final long POLL_MILLIS = 100;
  private final ExecutorService pool;
  private final Semaphore queued;

  public ChildFanOut(int threads) {
    this.pool = Executors.newFixedThreadPool(threads, new DaemonThreads("tap-lever-child"));
    this.queued = new Semaphore(threads * 2);
  }

  /**
   * One task. Whoever claims it first decides: the worker runs it, or the batch, giving up after
   * a failure or a shut-down pool, makes sure it never starts. So the batch always knows whether
   * a task may still be writing.
   */
  private static final class Task implements Runnable {
    private final Runnable work;
    private final Runnable release;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile RuntimeException failure;

    Task(Runnable work, Runnable release) {
      this.work = work;
      this.release = release;
    }

    @Override
    public void run() {
      try {
        if (claimed.compareAndSet(false, true)) {
          work.run();
        }
      } catch (RuntimeException e) {
        failure = e;
      } catch (Error e) {
        failure = new IllegalStateException(e);
        throw e;
      } finally {
        release.run();
        done.countDown();
      }
    }

    /** True when the task will never start: the caller took it back first. */
    boolean takeBack() {
      return claimed.compareAndSet(false, true);
    }
  }

  /** One page's worth of child work; {@link #await()} rethrows the first failure. */
  public final class Batch {
    private final List<Task> tasks = new ArrayList<>();

    public void submit(Runnable work) {
      try {
        queued.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while queueing child requests", e);
      }
      Task task = new Task(work, queued::release);
      try {
        pool.execute(task);
        tasks.add(task);
      } catch (RejectedExecutionException e) {
        queued.release();
        throw new IllegalStateException("child requests are stopping", e);
      }
    }

    /**
     * Waits for every task of the batch. After the first failure, tasks not yet started never
     * start, and those running are waited for to their end: no child thread writes a record after
     * the caller has moved on (to a STATE, an error line).
     */
    public void await() {
      RuntimeException first = null;
      for (Task task : tasks) {
        if (first != null) {
          if (!task.takeBack()) {
            waitFor(task);
          }
          continue;
        }
        if (!waitFor(task)) {
          first = new IllegalStateException("child requests stopped before they ran");
          continue;
        }
        if (task.failure != null) {
          first = task.failure;
        }
      }
      if (first != null) {
        throw first instanceof TapException te ? te : first;
      }
    }

    /** False when the pool was shut down before the task could start (a signal). */
    private boolean waitFor(Task task) {
      boolean interrupted = false;
      try {
        while (true) {
          try {
            if (task.done.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
              return true;
            }
            if (pool.isShutdown() && task.takeBack()) {
              return false;
            }
          } catch (InterruptedException e) {
            interrupted = true;
            if (task.takeBack()) {
              return false;
            }
          }
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
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
