package taplever.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import taplever.error.LeverApiException;
import taplever.http.CursorPaginator;
import taplever.http.LeverRequest;
import taplever.http.Page;
import taplever.http.PageSource;
import taplever.singer.DateTimes;
import taplever.streams.Replication;

/** Reads every page of one per-parent child endpoint for one parent; runs on fan-out threads. */
final class ChildReader {
  private final PageSource source;
  private final Output out;
  private final SyncStats stats;
  private final Cancellation cancellation;
  private final Clock clock;
  private final ObjectMapper json;
  private final Logger log;

  ChildReader(PageSource source, Output out, SyncStats stats, Cancellation cancellation,
      Clock clock, ObjectMapper json, Logger log) {
    this.source = source;
    this.out = out;
    this.stats = stats;
    this.cancellation = cancellation;
    this.clock = clock;
    this.json = json;
    this.log = log;
  }

  /** @param reason what the request is for, in the end-of-run summary */
  void read(StreamShaper child, String parentId, SyncStats.Reason reason) {
    Replication.WithParent link = (Replication.WithParent) child.selection().spec().replication();
    Replication.ChildFetch.PerParent fetch = (Replication.ChildFetch.PerParent) link.fetch();
    LeverRequest request = new LeverRequest(fetch.pathFor(parentId), fetch.pathTemplate(),
        Map.of());
    CursorPaginator<ChildPageSink.ChildPage> pages = new CursorPaginator<>(
        offset -> source.fetch(request, offset, () -> new ChildPageSink(child,
            new PageBuffer(json, DateTimes.format(clock.instant())), parentId)),
        request.endpoint(), Optional.empty());
    while (pages.hasMore()) {
      cancellation.check();
      Page<ChildPageSink.ChildPage> page;
      try {
        page = pages.nextPage();
      } catch (LeverApiException e) {
        if (e.status() == 404) {
          // The parent was deleted between its page and this request (or Lever's old empty-
          // resume quirk): there is nothing to deliver, and the deleted stream records it.
          log.debug("{}: parent {} not found; skipped", child.name(), parentId);
          return;
        }
        throw LeverRefusal.explain(child.selection().spec(), e);
      } finally {
        stats.childRequest(reason);
      }
      out.page(page.records().lines());
      stats.records(child.name(), page.records().records());
    }
  }
}
