package taplever.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A token-endpoint failure in the Auth0 style Lever's auth host uses: {@code {"error",
 * "error_description"}}.
 */
final class OAuthError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String error;

  OAuthError(int status, String error, String description) {
    super(description, null, false, false);
    this.status = status;
    this.error = error;
  }

  static OAuthError invalidGrant(String description) {
    return new OAuthError(400, "invalid_grant", description);
  }

  static OAuthError invalidRequest(String description) {
    return new OAuthError(400, "invalid_request", description);
  }

  static OAuthError invalidClient() {
    return new OAuthError(401, "invalid_client", "Unknown client or wrong client secret");
  }

  int status() {
    return status;
  }

  ObjectNode body() {
    return Nodes.object().put("error", error).put("error_description", getMessage());
  }
}
