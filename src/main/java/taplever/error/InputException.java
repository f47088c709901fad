package taplever.error;

/** The user's input (config, catalog, state, arguments) is wrong; exit 2 before any request. */
public final class InputException extends TapException {
  public InputException(String message) {
    super(message, null);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public Kind kind() {
    return Kind.INPUT;
  }
}
