package taplever.sync.out;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import taplever.http.HttpObserver;
import taplever.streams.LeverStreams;
import taplever.streams.StreamSpec;

/**
 * Turns what the HTTP layer reports into Singer METRIC lines ({@code http_request_duration}, on
 * stderr) and per-stream counters for progress. Endpoint labels are path templates, never ids.
 */
public final class MetricsObserver implements HttpObserver {
  private final Logger metrics;
  private final SyncStats stats;
  private final Map<String, String> streamByPath;

  public MetricsObserver(SyncStats stats, Logger metrics) {
    this.stats = stats;
    this.metrics = metrics;
    this.streamByPath = LeverStreams.ALL.stream()
        .collect(java.util.stream.Collectors.toMap(StreamSpec::label, StreamSpec::name, (a, b) -> a));
  }

  @Override
  public void onResponse(String endpoint, int status, long durationNanos) {
    String stream = streamByPath.get(endpoint);
    if (stream != null) {
      SyncStats.Counters c = stats.of(stream);
      c.requests.increment();
      if (status == 429) {
        c.rateLimited.increment();
      }
    }
    if (metrics.isInfoEnabled()) {
      metrics.info(String.format(Locale.ROOT, "METRIC: {\"type\": \"timer\", \"metric\":"
          + " \"http_request_duration\", \"value\": %.3f, \"tags\": {\"endpoint\": \"%s\","
          + " \"http_status_code\": %d, \"status\": \"%s\"}}", durationNanos / 1e9, endpoint, status,
          status >= 200 && status < 300 ? "succeeded" : "failed"));
    }
  }

  @Override
  public void onRetry(String endpoint, int status, Duration wait) {
    String stream = streamByPath.get(endpoint);
    if (stream != null) {
      stats.of(stream).retries.increment();
    }
  }

  /** The closing {@code record_count} counter per stream. */
  public void logRecordCounts() {
    stats.all().forEach((stream, c) ->
      metrics.info("METRIC: {\"type\": \"counter\", \"metric\": \"record_count\", \"value\": "
          + c.records() + ", \"tags\": {\"endpoint\": \"" + stream + "\"}}"));
  }
}
