package taplever.error;

/**
 * Lever (or the network in front of it) failed in a way retries did not fix. {@code status} is 0
 * when no HTTP answer was received. The message names the endpoint path, never a query string
 * that could hold a token.
 */
public final class LeverApiException extends TapException {
  /**
   * The label of failures at Lever's OAuth token endpoint (refresh and login). It is never a
   * stream's path, so the engine can tell a dead refresh token from a stream's own 403.
   */
  public static final String TOKEN_ENDPOINT = "/oauth/token";

  private final int status;
  private final String endpoint;
  private final boolean invalidOffsetToken;

  public LeverApiException(int status, String endpoint, String message) {
    this(status, endpoint, message, null);
  }

  public LeverApiException(int status, String endpoint, String message, Throwable cause) {
    this(status, endpoint, message, cause, false);
  }

  /**
   * @param invalidOffsetToken Lever answered 400 "Invalid offset token…": the offset no longer fits
   *     the query, and the caller may restart the listing without it
   */
  public LeverApiException(int status, String endpoint, String message, Throwable cause,
      boolean invalidOffsetToken) {
    super(message, cause);
    this.status = status;
    this.endpoint = endpoint;
    this.invalidOffsetToken = invalidOffsetToken;
  }

  public int status() {
    return status;
  }

  public String endpoint() {
    return endpoint;
  }

  /** True when the token endpoint failed, not a data endpoint. */
  public boolean fromTokenEndpoint() {
    return TOKEN_ENDPOINT.equals(endpoint);
  }

  /** True when Lever's 400 message started with "Invalid offset token". */
  public boolean invalidOffsetToken() {
    return invalidOffsetToken;
  }

  @Override
  public Kind kind() {
    return Kind.API;
  }
}
