package taplever.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import taplever.error.ExitCode;
import taplever.error.InterruptedSyncException;
import taplever.error.TapException;
import taplever.error.TargetGoneException;

/**
 * Stops a sync: set by the signal handler, or by the writer when the target stops reading. No new
 * request starts once it is set, and in-flight calls and waits are cancelled, so the sync ends
 * within moments instead of reading pages nobody will receive.
 */
public final class Cancellation {
  private final AtomicReference<Reason> reason = new AtomicReference<>();
  private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();

  /** Why the sync stops. */
  private sealed interface Reason {}

  private record Signal(int exitCode) implements Reason {}

  private record TargetGone() implements Reason {}

  public void onCancel(Runnable action) {
    onCancel.add(action);
  }

  /** A signal: 130 for SIGINT, 143 for SIGTERM, as shells report them. */
  public void cancel(int signalExitCode) {
    stop(new Signal(signalExitCode));
  }

  /** stdout is gone: nothing more is worth fetching. */
  public void targetGone() {
    stop(new TargetGone());
  }

  private void stop(Reason why) {
    if (reason.compareAndSet(null, why)) {
      onCancel.forEach(Runnable::run);
    }
  }

  public boolean isCancelled() {
    return reason.get() != null;
  }

  /** True when the sync stops because of a signal (the last STATE is then written again). */
  public boolean bySignal() {
    return reason.get() instanceof Signal;
  }

  public void check() {
    if (isCancelled()) {
      throw interruption();
    }
  }

  public TapException interruption() {
    Reason why = reason.get();
    if (why instanceof TargetGone) {
      return new TargetGoneException("stdout is closed: the Singer target stopped reading", null);
    }
    int code = why instanceof Signal s ? s.exitCode() : ExitCode.SIGTERM.code();
    return new InterruptedSyncException("stopped by a signal; the last STATE written is where a"
        + " rerun resumes", code);
  }
}
