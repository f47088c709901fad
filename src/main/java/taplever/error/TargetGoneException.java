package taplever.error;

/** Writing to stdout failed: the Singer target died or closed the pipe. */
public final class TargetGoneException extends TapException {
  public TargetGoneException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public Kind kind() {
    return Kind.TARGET_GONE;
  }
}
