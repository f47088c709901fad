package taplever.fake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code capacity} requests as {@code "GET /v1/opportunities?limit=100"} (raw path and
 * query).
 */
final class RequestLog {
  private final int capacity;
  private final ArrayDeque<String> entries = new ArrayDeque<>();

  RequestLog(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(String method, java.net.URI uri) {
    if (entries.size() == capacity) {
      entries.removeFirst();
    }
    String query = uri.getRawQuery();
    entries.addLast(method + " " + uri.getRawPath() + (query == null ? "" : "?" + query));
  }

  synchronized List<String> snapshot() {
    return new ArrayList<>(entries);
  }
}
