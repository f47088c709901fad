package taplever.fake;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks a data request's {@code Authorization} header (§2): HTTP Basic with the API key as user
 * name and an empty password, or {@code Bearer} with an unexpired access token from {@link
 * IssuedTokens}. A second, built-in key ({@value #NO_CONFIDENTIAL_KEY}) authenticates but has no
 * confidential access. Every credential lacks the options' denied scopes; a token also lacks
 * confidential access unless granted it, and with {@code tokenScopesEnforced} holds only the scopes
 * it was granted.
 */
final class RequestAuthenticator {
  static final String NO_CONFIDENTIAL_KEY = "fake-key-no-confidential";
  private final String apiKey;
  private final IssuedTokens tokens;
  private final Set<String> denied;
  private final boolean tokenScopesEnforced;

  RequestAuthenticator(FakeLeverOptions options, IssuedTokens tokens) {
    this.apiKey = options.apiKey();
    this.tokens = tokens;
    this.denied = options.effectiveDeniedScopes();
    this.tokenScopesEnforced = options.tokenScopesEnforced();
  }

  Credential authenticate(String header) {
    if (header == null || header.isBlank()) {
      throw ApiError.unauthorized(
          "A valid API key was not provided with the request. You must authenticate "
              + "for all requests.");
    }
    String h = header.trim();
    int space = h.indexOf(' ');
    String scheme = space < 0 ? h : h.substring(0, space);
    String value = space < 0 ? "" : h.substring(space + 1).trim();
    if ("Basic".equalsIgnoreCase(scheme)) {
      return basic(value);
    }
    if ("Bearer".equalsIgnoreCase(scheme)) {
      IssuedTokens.AccessGrant grant = tokens.access(value);
      if (grant == null) {
        throw ApiError.unauthorized("Invalid access token");
      }
      if (grant.expired()) {
        throw ApiError.unauthorized("Access token expired");
      }
      Set<String> scopes = new HashSet<>(Arrays.asList(grant.scope().trim().split("\\s+")));
      Set<String> tokenDenied = new HashSet<>(denied);
      if (!scopes.contains(EndpointScopes.CONFIDENTIAL)) {
        tokenDenied.add(EndpointScopes.CONFIDENTIAL);
      }
      return new Credential(
          "oauth:" + grant.clientId(), tokenDenied, tokenScopesEnforced ? scopes : null);
    }
    throw ApiError.unauthorized("Unsupported authorization scheme");
  }

  private Credential basic(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.unauthorized("Malformed Basic credentials");
    }
    int colon = decoded.indexOf(':');
    String user = colon < 0 ? decoded : decoded.substring(0, colon);
    String password = colon < 0 ? "" : decoded.substring(colon + 1);
    if (password.isEmpty() && user.equals(apiKey)) {
      return new Credential("key:" + apiKey, denied, null);
    }
    if (password.isEmpty() && user.equals(NO_CONFIDENTIAL_KEY)) {
      Set<String> without = new HashSet<>(denied);
      without.add(EndpointScopes.CONFIDENTIAL);
      return new Credential("key:" + NO_CONFIDENTIAL_KEY, without, null);
    }
    throw ApiError.unauthorized(
        "Invalid API key (the key goes in the user name; the password must be empty)");
  }
}
