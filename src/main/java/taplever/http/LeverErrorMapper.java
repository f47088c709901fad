package taplever.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import taplever.error.LeverApiException;
import taplever.error.ShownText;

/**
 * Turns a failed fetch into one sentence naming the endpoint label. It repeats Lever's
 * {@code code: message} (at most 200 characters, controls and bidi characters escaped by
 * {@link ShownText}) but never a header, a query string or a URL's query, which can hold an offset
 * token.
 */
final class LeverErrorMapper {
  private static final int DETAIL_LIMIT = 200;

  private final ObjectMapper mapper;
  private final String credentialsMode;

  LeverErrorMapper(ObjectMapper mapper, String credentialsMode) {
    this.mapper = mapper;
    this.credentialsMode = credentialsMode;
  }

  /** Lever answered {@code status} (not 2xx), after {@code seconds} of retrying if retryable. */
  LeverApiException forStatus(String endpoint, int status, byte[] body, long seconds) {
    JsonNode error = errorBody(body);
    String detail = detail(error);
    switch (status) {
      case 401:
        return new LeverApiException(401, endpoint, "Lever rejected the credentials ("
            + credentialsMode + "): check the API key / OAuth app");
      case 403:
        return new LeverApiException(403, endpoint, "Lever refused " + endpoint
            + " (403): the credentials lack permission for it");
      case 404:
        return new LeverApiException(404, endpoint, "Lever answered 404 for " + endpoint + ": "
            + detail);
      default:
        break;
    }
    if (status == 400 && error.path("message").asText("").startsWith("Invalid offset token")) {
      return new LeverApiException(400, endpoint, "Lever rejected the offset token for " + endpoint
          + ": " + detail, null, true);
    }
    String retried = RetryPolicy.isRetryable(status)
        ? " after retrying for " + seconds + "s" : "";
    return new LeverApiException(status, endpoint, "Lever answered " + status + " for " + endpoint
        + retried + ": " + detail);
  }

  /** No usable answer: the network failed, or bodies stayed broken, until retrying stopped. */
  LeverApiException forIo(String endpoint, IOException e, long seconds) {
    if (Interruption.is(e)) {
      return new LeverApiException(0, endpoint, "the request to Lever for " + endpoint
          + " was interrupted", e);
    }
    if (e instanceof MalformedBodyException) {
      return new LeverApiException(0, endpoint, "Lever's answers for " + endpoint + " were not"
          + " a well-formed page (the last: " + e.getMessage() + "), still after retrying for "
          + seconds + "s", e);
    }
    String what = e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : " " + withoutQueries(e.getMessage()));
    return new LeverApiException(0, endpoint, "could not reach Lever for " + endpoint
        + " after retrying for " + seconds + "s: " + truncate(what), e);
  }

  private JsonNode errorBody(byte[] body) {
    try {
      JsonNode node = mapper.readTree(body);
      return node != null && node.isObject() ? node : mapper.createObjectNode();
    } catch (IOException e) {
      return mapper.createObjectNode();
    }
  }

  /** Lever's {@code code: message}, on one line. */
  private static String detail(JsonNode error) {
    String code = error.path("code").asText("");
    String message = error.path("message").asText("");
    String text = code.isEmpty() ? message : message.isEmpty() ? code : code + ": " + message;
    return text.isBlank() ? "no error details" : truncate(text.replaceAll("\\s+", " ").strip());
  }

  /** Lever's text (or the network's) on one line, escaped and cut: it cannot forge a log line. */
  private static String truncate(String text) {
    return ShownText.of(text, DETAIL_LIMIT);
  }

  /** OkHttp's messages carry redacted URLs already; make sure no query string gets through. */
  static String withoutQueries(String message) {
    return message.replaceAll("(\\w+://[^\\s?#]*)[?#]\\S*", "$1");
  }
}
