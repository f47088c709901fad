package taplever.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Lever's auth host, simulated: {@code POST /oauth/token} (authorization_code and refresh_token
 * grants, form or JSON body, client credentials in the body or as Basic auth) and {@code GET
 * /authorize}, which skips the consent page and redirects straight back with a one-time code, as if
 * a Super Admin had clicked "Accept".
 */
final class OAuthEndpoints {
  private final IssuedTokens tokens;
  private final RequestLog log;
  private final ObjectMapper mapper;

  OAuthEndpoints(IssuedTokens tokens, RequestLog log, ObjectMapper mapper) {
    this.tokens = tokens;
    this.log = log;
    this.mapper = mapper;
  }

  void token(HttpExchange exchange) throws IOException {
    log.add(exchange.getRequestMethod(), exchange.getRequestURI());
    try {
      if (!"POST".equals(exchange.getRequestMethod())) {
        throw new OAuthError(405, "invalid_request", "Use POST");
      }
      ListQuery form = body(exchange);
      String clientId = form.first("client_id");
      String clientSecret = form.first("client_secret");
      String basic = exchange.getRequestHeaders().getFirst("Authorization");
      if (clientId == null && basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
        String[] pair = decodeBasic(basic.substring(6).trim());
        clientId = pair[0];
        clientSecret = pair[1];
      }
      if (!tokens.validClient(clientId, clientSecret)) {
        throw OAuthError.invalidClient();
      }
      String grantType = form.first("grant_type");
      IssuedTokens.Tokens issued;
      if ("refresh_token".equals(grantType)) {
        String refreshToken = form.first("refresh_token");
        if (refreshToken == null || refreshToken.isEmpty()) {
          throw OAuthError.invalidRequest("Missing required parameter: refresh_token");
        }
        issued = tokens.refresh(clientId, refreshToken);
      } else if ("authorization_code".equals(grantType)) {
        issued = tokens.exchange(clientId, form.first("code"), form.first("redirect_uri"));
      } else if (grantType == null) {
        throw OAuthError.invalidRequest("Missing required parameter: grant_type");
      } else {
        throw new OAuthError(400, "unsupported_grant_type", "Unsupported grant type: " + grantType);
      }
      ObjectNode body = Nodes.object().put("access_token", issued.accessToken());
      if (issued.refreshToken() != null) {
        body.put("refresh_token", issued.refreshToken());
      }
      body.put("token_type", "Bearer")
          .put("scope", issued.scope())
          .put("expires_in", issued.expiresIn());
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      HttpResponses.send(exchange, 200, mapper.writeValueAsBytes(body));
    } catch (OAuthError e) {
      HttpResponses.send(exchange, e.status(), mapper.writeValueAsBytes(e.body()));
    }
  }

  void authorize(HttpExchange exchange) throws IOException {
    log.add(exchange.getRequestMethod(), exchange.getRequestURI());
    try {
      if (!"GET".equals(exchange.getRequestMethod())) {
        throw new OAuthError(405, "invalid_request", "Use GET");
      }
      ListQuery q = ListQuery.parse("/authorize", exchange.getRequestURI().getRawQuery());
      if (!tokens.knownClient(q.first("client_id"))) {
        throw new OAuthError(400, "invalid_client", "Unknown client_id");
      }
      String redirectUri = q.first("redirect_uri");
      if (redirectUri == null
          || !(redirectUri.startsWith("http://") || redirectUri.startsWith("https://"))) {
        throw OAuthError.invalidRequest("Missing or invalid redirect_uri");
      }
      String state = q.first("state");
      String separator = redirectUri.contains("?") ? "&" : "?";
      String location;
      if (!"code".equals(q.first("response_type"))) {
        location =
            redirectUri
                + separator
                + "error=unsupported_response_type"
                + "&error_description="
                + encode("response_type must be code");
      } else {
        String scope = q.first("scope") == null ? IssuedTokens.DEFAULT_SCOPE : q.first("scope");
        location =
            redirectUri
                + separator
                + "code="
                + encode(tokens.newCode(q.first("client_id"), redirectUri, scope));
      }
      if (state != null) {
        location += "&state=" + encode(state);
      }
      exchange.getResponseHeaders().set("Location", location);
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    } catch (OAuthError e) {
      HttpResponses.send(exchange, e.status(), mapper.writeValueAsBytes(e.body()));
    }
  }

  private ListQuery body(HttpExchange exchange) throws IOException {
    byte[] raw;
    try (InputStream in = exchange.getRequestBody()) {
      raw = in.readAllBytes();
    }
    String text = new String(raw, StandardCharsets.UTF_8);
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      JsonNode json;
      try {
        json = mapper.readTree(text);
      } catch (IOException e) {
        throw OAuthError.invalidRequest("Malformed JSON body");
      }
      StringBuilder form = new StringBuilder();
      json.fields()
          .forEachRemaining(
              f ->
                  form.append(encode(f.getKey()))
                      .append('=')
                      .append(encode(f.getValue().asText()))
                      .append('&'));
      text = form.toString();
    }
    try {
      return ListQuery.parse("/oauth/token", text);
    } catch (ApiError e) {
      throw OAuthError.invalidRequest("Malformed form body");
    }
  }

  private static String[] decodeBasic(String encoded) {
    try {
      String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? new String[] {decoded, ""}
          : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      throw OAuthError.invalidClient();
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
