package taplever.error;

/** A signal stopped the sync; the last STATE written is consistent and resumable. */
public final class InterruptedSyncException extends TapException {
  private final int signalExitCode;

  public InterruptedSyncException(String message, int signalExitCode) {
    super(message, null);
    this.signalExitCode = signalExitCode;
  }

  /** 130 for SIGINT, 143 for SIGTERM, as shells report them. */
  public int signalExitCode() {
    return signalExitCode;
  }

  @Override
  public Kind kind() {
    return Kind.INTERRUPTED;
  }
}
