package taplever.sync;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import taplever.error.InterruptedSyncException;

/**
 * Set by the signal handler: no new request starts once it is set, and in-flight calls are
 * cancelled so the last consistent STATE can be written within seconds.
 */
public final class Cancellation {
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();
  private volatile int exitCode = 143;

  public void onCancel(Runnable action) {
    onCancel.add(action);
  }

  public void cancel(int signalExitCode) {
    exitCode = signalExitCode;
    if (cancelled.compareAndSet(false, true)) {
      onCancel.forEach(Runnable::run);
    }
  }

  public boolean isCancelled() {
    return cancelled.get();
  }

  public void check() {
    if (cancelled.get()) {
      throw interruption();
    }
  }

  public InterruptedSyncException interruption() {
    return new InterruptedSyncException("stopped by a signal; the last STATE written is where a"
        + " rerun resumes", exitCode);
  }
}
