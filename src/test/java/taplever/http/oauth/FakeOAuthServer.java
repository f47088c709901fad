package taplever.http.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A token endpoint at /oauth/token that issues at-1/rt-1, at-2/rt-2, ... and a list endpoint
 * elsewhere that answers 200 to accepted bearer tokens and 401 otherwise. Records what happened,
 * in order, in {@link #events}; tests may add their own events (a TokenStore's saves) to it.
 */
public final class FakeOAuthServer extends Dispatcher {
  final List<Map<String, String>> tokenForms = Collections.synchronizedList(new ArrayList<>());
  public final List<String> events = Collections.synchronizedList(new ArrayList<>());
  final Queue<MockResponse> tokenAnswers = new ConcurrentLinkedQueue<>();
  public volatile Predicate<String> accepts = token -> true;
  volatile int expiresIn = 3600;
  volatile boolean rotates = true;

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if (request.getUrl().encodedPath().equals("/oauth/token")) {
      Map<String, String> form = form(request.getBody() == null ? "" : request.getBody().utf8());
      int n;
      synchronized (tokenForms) {
        tokenForms.add(form);
        n = tokenForms.size();
      }
      MockResponse scripted = tokenAnswers.poll();
      if (scripted != null) {
        return scripted;
      }
      events.add("refresh with " + form.get("refresh_token"));
      String rotated = rotates ? ",\"refresh_token\":\"rt-" + n + "\"" : "";
      return new MockResponse.Builder().code(200).body("{\"access_token\":\"at-" + n + "\""
          + rotated + ",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}").build();
    }
    String auth = request.getHeaders().get("Authorization");
    String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
    events.add("api " + token);
    if (!accepts.test(token)) {
      return new MockResponse.Builder().code(401)
          .body("{\"code\":\"Unauthorized\",\"message\":\"bad token\"}").build();
    }
    return new MockResponse.Builder().code(200).body("{\"data\":[{\"id\":\"1\"}]}").build();
  }

  int apiRequests() {
    synchronized (events) {
      return (int) events.stream().filter(e -> e.startsWith("api ")).count();
    }
  }

  static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (!pair.isEmpty()) {
        String[] kv = pair.split("=", 2);
        form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    return form;
  }
}
