package taplever.http.oauth;

import java.util.Optional;
import java.util.Set;

/**
 * The error codes of RFC 6749 §5.2 and §4.1.2.1. Messages repeat a token server's {@code error}
 * only when it is one of these: anything else might echo what was sent, secrets included.
 */
public final class OAuthErrorCode {
  private static final Set<String> STANDARD = Set.of("invalid_request", "invalid_client",
      "invalid_grant", "unauthorized_client", "unsupported_grant_type", "invalid_scope",
      "access_denied", "server_error", "temporarily_unavailable");

  private OAuthErrorCode() {}

  /** The code when it is a standard one, safe to print. */
  public static Optional<String> safe(String error) {
    return error != null && STANDARD.contains(error) ? Optional.of(error) : Optional.empty();
  }
}
