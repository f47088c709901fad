package taplever.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import taplever.error.LeverApiException;

/**
 * One page of a Lever list: {@code {"data": [...], "hasNext": true, "next": "token"}}.
 *
 * @param next the offset token for the following page, passed back verbatim
 */
public record Page(List<ObjectNode> data, boolean hasNext, Optional<String> next) {
  public Page {
    data = List.copyOf(data);
    Objects.requireNonNull(next, "next");
  }

  /**
   * Reads Lever's envelope, tolerating its documented quirks: {@code data} given as a single
   * object, null entries (skipped), and a missing {@code hasNext} (the last page).
   */
  public static Page parse(JsonNode root, String endpoint, Logger log) {
    JsonNode data = root == null ? null : root.get("data");
    if (data == null || !(data.isArray() || data.isObject())) {
      throw new LeverApiException(200, endpoint,
          "Lever answered " + endpoint + " without a 'data' list");
    }
    List<ObjectNode> records = new ArrayList<>();
    int nulls = 0;
    for (JsonNode item : data.isArray() ? data : List.of(data)) {
      if (item.isNull()) {
        nulls++;
      } else if (item instanceof ObjectNode object) {
        records.add(object);
      } else {
        throw new LeverApiException(200, endpoint, "Lever answered " + endpoint
            + " with a 'data' entry that is not an object (" + item.getNodeType() + ")");
      }
    }
    if (nulls > 0) {
      log.warn("Lever's page for {} had {} null entries in 'data'; skipped them", endpoint, nulls);
    }
    boolean hasNext = root.path("hasNext").asBoolean(false);
    JsonNode nextNode = root.get("next");
    Optional<String> next = nextNode != null && nextNode.isTextual() && !nextNode.asText().isEmpty()
        ? Optional.of(nextNode.asText()) : Optional.empty();
    if (hasNext && next.isEmpty()) {
      throw new LeverApiException(200, endpoint,
          "Lever said hasNext but gave no next token for " + endpoint);
    }
    return new Page(records, hasNext, next);
  }
}
