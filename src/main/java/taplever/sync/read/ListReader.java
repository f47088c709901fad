package taplever.sync.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import taplever.http.LeverRequest;
import taplever.singer.DateTimes;
import taplever.sync.records.PageBuffer;

/**
 * Reads parent lists (the window's walk and the refresh walks) through the run's
 * {@link PageWalk} that fetches the next page ahead, each page into a {@link ParentPageSink} whose
 * array is handed back once the page is written.
 */
public final class ListReader {
  private final PageWalk walk;
  private final ObjectMapper json;
  private final Clock clock;
  private final int streamCount;
  private final PageSpace space = new PageSpace();

  public ListReader(PageWalk walk, ObjectMapper json, Clock clock, int streamCount) {
    this.walk = walk;
    this.json = json;
    this.clock = clock;
    this.streamCount = streamCount;
  }

  /** Walks {@code request} from {@code offset}; true when the list was read to its end. */
  boolean walk(LeverRequest request, Optional<String> offset, WalkTargets targets,
      Consumer<String> warnings, PageWalk.Ahead when, PageWalk.PageHook<ParentPage> hook) {
    return walk.run(request, offset, () -> new ParentPageSink(targets,
        new PageBuffer(json, DateTimes.format(clock.instant()), space.take()), streamCount,
        warnings), when, hook);
  }

  /** A page's lines are written: its array serves a page to come. */
  void written(ParentPage page) {
    space.give(page.lines());
  }
}
