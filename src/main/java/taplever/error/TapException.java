package taplever.error;

/**
 * Every failure the tap reports on purpose. The {@link Kind} decides the exit code in one place
 * (the CLI), and the message is the one line a user reads, so it must never carry a secret.
 */
public abstract sealed class TapException extends RuntimeException
    permits InputException, LeverApiException, TargetGoneException, InterruptedSyncException {

  /** What went wrong, as far as the exit code is concerned. */
  public enum Kind {
    /** Bad usage, config, catalog or state: nothing was synced. */
    INPUT,
    /** Lever or the network failed while syncing, after retries. */
    API,
    /** stdout was closed: the target is gone. */
    TARGET_GONE,
    /** SIGTERM or SIGINT arrived; the last consistent STATE was written. */
    INTERRUPTED
  }

  protected TapException(String message, Throwable cause) {
    super(message, cause, false, true);
  }

  public abstract Kind kind();
}
