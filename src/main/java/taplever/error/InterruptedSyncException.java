package taplever.error;

/** A signal stopped the sync; the last STATE written is consistent and resumable. */
public final class InterruptedSyncException extends TapException {
  private final int signalExitCode;

  public InterruptedSyncException(String message, int signalExitCode) {
    super(message, null);
    this.signalExitCode = signalExitCode;
  }

  public InterruptedSyncException(String message, ExitCode signal) {
    this(message, signal.code());
  }

  /** {@link ExitCode#SIGINT} or {@link ExitCode#SIGTERM}'s code, as shells report them. */
  public int signalExitCode() {
    return signalExitCode;
  }

  @Override
  public Kind kind() {
    return Kind.INTERRUPTED;
  }
}
