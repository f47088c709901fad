package taplever.sync;

import java.time.Clock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import taplever.catalog.StreamSelection;
import taplever.error.LeverApiException;
import taplever.error.TapException;
import taplever.http.LeverClient;
import taplever.singer.Bookmark;
import taplever.singer.SingerMessage;
import taplever.singer.SingerWriter;
import taplever.singer.TapState;
import taplever.streams.StreamSpec;

/**
 * What every part of one sync shares. The state is replaced, never mutated, and only from the
 * main thread: fan-out threads write records, never STATE.
 */
final class SyncContext {
  private final LeverClient client;
  private final SingerWriter writer;
  private final ChildFanOut fanOut;
  private final SyncStats stats;
  private final Clock clock;
  private final Logger log;
  private final Cancellation cancellation;
  private final ChildSync children;
  private final java.util.concurrent.ExecutorService prefetcher;
  private TapState state;

  SyncContext(LeverClient client, SingerWriter writer, ChildFanOut fanOut, SyncStats stats,
      Clock clock, Logger log, Cancellation cancellation, TapState state,
      java.util.concurrent.ExecutorService prefetcher) {
    this.prefetcher = prefetcher;
    this.client = client;
    this.writer = writer;
    this.fanOut = fanOut;
    this.stats = stats;
    this.clock = clock;
    this.log = log;
    this.cancellation = cancellation;
    this.state = state;
    this.children = new ChildSync(this);
  }

  LeverClient client() {
    return client;
  }

  SingerWriter writer() {
    return writer;
  }

  ChildFanOut fanOut() {
    return fanOut;
  }

  SyncStats stats() {
    return stats;
  }

  Clock clock() {
    return clock;
  }

  Logger log() {
    return log;
  }

  Cancellation cancellation() {
    return cancellation;
  }

  /** The one thread that fetches a parent list's next page ahead. */
  java.util.concurrent.ExecutorService prefetcher() {
    return prefetcher;
  }

  ChildSync children() {
    return children;
  }

  TapState state() {
    return state;
  }

  void replaceState(TapState next) {
    state = next;
  }

  void update(String stream, UnaryOperator<Bookmark> change) {
    state = state.with(stream, change.apply(state.bookmark(stream)));
  }

  /** Flushes every record written so far, then writes the whole state. */
  void emitState() {
    writer.writeState(new SingerMessage.State(state.toJson()));
  }

  RecordShaper shaper(StreamSelection selection) {
    return new RecordShaper(selection, message -> log.warn(message));
  }

  /** Adds what only the stream knows to Lever's refusal: the OAuth scope the endpoint needs. */
  TapException explain(StreamSpec spec, LeverApiException e) {
    if (e.status() == 403 && e.endpoint().equals(spec.path())) { // not the token endpoint's 403
      return new LeverApiException(403, e.endpoint(), "Lever refused " + spec.name() + " ("
          + spec.path() + ", 403): the API key or OAuth token lacks the '" + spec.scope() + "' scope"
          + (spec.params().containsKey("confidentiality")
              ? " (and 'confidential:access:admin' for confidential records)" : "")
          + "; deselect the stream or grant the permission", e);
    }
    return e;
  }
}
