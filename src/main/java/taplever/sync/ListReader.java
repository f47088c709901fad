package taplever.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import taplever.http.LeverRequest;
import taplever.http.PageSource;
import taplever.singer.DateTimes;

/** Opens parent lists: pages read by {@link ParentPageSink}, the next one fetched ahead. */
final class ListReader {
  private final PageSource source;
  private final ExecutorService ahead;
  private final ObjectMapper json;
  private final Clock clock;
  private final Cancellation cancellation;
  private final int streamCount;
  private final Logger log;
  private final PageSpace space = new PageSpace();

  ListReader(PageSource source, ExecutorService ahead, ObjectMapper json, Clock clock,
      Cancellation cancellation, int streamCount, Logger log) {
    this.source = source;
    this.ahead = ahead;
    this.json = json;
    this.clock = clock;
    this.cancellation = cancellation;
    this.streamCount = streamCount;
    this.log = log;
  }

  PagePrefetch<ParentPage> open(LeverRequest request, Optional<String> offset,
      WalkTargets targets, java.util.function.Consumer<String> warnings) {
    return new PagePrefetch<>(
        token -> source.fetch(request, token, () -> new ParentPageSink(targets,
            new PageBuffer(json, DateTimes.format(clock.instant()), space.take()), streamCount,
            warnings)),
        request.endpoint(), offset, ahead, cancellation, log);
  }

  /** A page's lines are written: its array serves a page to come. */
  void written(ParentPage page) {
    space.give(page.lines());
  }

  Cancellation cancellation() {
    return cancellation;
  }
}
