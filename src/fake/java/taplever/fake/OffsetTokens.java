package taplever.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Opaque offset tokens in Lever's style (§3): percent-encoded JSON, so the {@code next} value
 * itself contains {@code %5B %2C %22}. The JSON is {@code [1, <sortMs>, "<key of last record>",
 * <next index>, "<query hash>"]}: the sort key and index let a page start without scanning, and the
 * hash binds the token to the query it came from (every parameter but {@code offset}).
 */
final class OffsetTokens {
  /**
   * A decoded token: resume after the record ({@code sortMs}, {@code key}), expected at {@code
   * nextIndex - 1}.
   */
  record Position(long sortMs, String key, int nextIndex) {}

  private final ObjectMapper mapper;

  OffsetTokens(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Short hash of the query minus its offset. */
  static String queryHash(ListQuery query) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(query.canonicalWithoutOffset().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  String encode(long sortMs, String key, int nextIndex, String queryHash) {
    ArrayNode array =
        mapper.createArrayNode().add(1).add(sortMs).add(key).add(nextIndex).add(queryHash);
    try {
      String json = mapper.writeValueAsString(array);
      return URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Decodes {@code token} as received (after the query string's own decoding): either still
   * percent-encoded, as the client got it in {@code next} and then encoded once more, or already
   * decoded once. Anything that does not decode, or whose hash is not {@code expectedHash}, is
   * Lever's "Invalid offset token" 400.
   */
  Position decode(String token, String expectedHash) {
    String json = token.trim();
    try {
      if (json.startsWith("%")) {
        json = URLDecoder.decode(json, StandardCharsets.UTF_8);
      }
      JsonNode node = mapper.readTree(json);
      if (node != null
          && node.isArray()
          && node.size() == 5
          && node.get(0).asInt() == 1
          && node.get(1).isIntegralNumber()
          && node.get(2).isTextual()
          && node.get(3).isInt()
          && node.get(3).asInt() >= 1
          && expectedHash.equals(node.get(4).asText())) {
        return new Position(node.get(1).asLong(), node.get(2).asText(), node.get(3).asInt());
      }
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // fall through: not a token of ours
    }
    throw ApiError.badRequest(ApiError.INVALID_OFFSET);
  }
}
