package taplever.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records what the HTTP layer reports, as "endpoint status" strings. */
final class RecordingObserver implements HttpObserver {
  final List<String> responses = Collections.synchronizedList(new ArrayList<>());
  final List<String> retries = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void onResponse(String endpoint, int status, long durationNanos) {
    responses.add(endpoint + " " + status);
  }

  @Override
  public void onRetry(String endpoint, int status, Duration wait) {
    retries.add(endpoint + " " + status + " " + wait.toMillis() + "ms");
  }
}
