package taplever.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A scripted Lever for MockWebServer: answers by path (without query), records every request.
 * Unscripted paths answer an empty page, as Lever does for an empty list.
 */
public final class LeverScript extends Dispatcher {
  private final Map<String, Function<RecordedRequest, MockResponse>> routes = new HashMap<>();
  private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());

  public LeverScript on(String path, Function<RecordedRequest, MockResponse> answer) {
    routes.put(path, answer);
    return this;
  }

  /** Serves {@code pages} in turn, chained by opaque tokens that need URL encoding. */
  public LeverScript pages(String path, List<String> pages) {
    return on(path, r -> {
      String offset = r.getUrl().queryParameter("offset");
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("%2C(\\d+)%2C").matcher(offset == null ? "" : offset);
      int index = m.find() ? Integer.parseInt(m.group(1)) - 1000 : 0;
      boolean more = index + 1 < pages.size();
      String body = "{\"data\": " + pages.get(index) + ", \"hasNext\": " + more
          + (more ? ", \"next\": \"" + token(index + 1) + "\"" : "") + "}";
      return json(200, body);
    });
  }

  /** A Lever-like token: percent-encoded JSON, so it must be sent back encoded exactly once. */
  public static String token(int page) {
    return "%5B1%2C" + (1000 + page) + "%2C%22a%2Fb+c%22%5D";
  }

  public static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .body(body).build();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    requests.add(request);
    Function<RecordedRequest, MockResponse> route = routes.get(request.getUrl().encodedPath());
    return route != null ? route.apply(request) : json(200, "{\"data\": [], \"hasNext\": false}");
  }

  public List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  public List<RecordedRequest> requestsTo(String path) {
    return requests().stream().filter(r -> r.getUrl().encodedPath().equals(path)).toList();
  }
}
