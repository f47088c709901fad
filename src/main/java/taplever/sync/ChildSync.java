package taplever.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import taplever.catalog.StreamSelection;
import taplever.error.LeverApiException;
import taplever.http.CursorPaginator;
import taplever.http.LeverRequest;
import taplever.http.Page;
import taplever.singer.SingerMessage;
import taplever.streams.StreamSpec;

/** Reads every page of one child endpoint for one parent; runs on the fan-out threads. */
final class ChildSync {
  private final SyncContext ctx;

  ChildSync(SyncContext ctx) {
    this.ctx = ctx;
  }

  void sync(StreamSelection child, RecordShaper shaper, String parentId) {
    StreamSpec spec = child.spec();
    LeverRequest request = new LeverRequest(spec.pathFor(parentId), spec.path(), spec.params());
    CursorPaginator pages = CursorPaginator.over(ctx.client(), request, Optional.empty());
    while (pages.hasMore()) {
      ctx.cancellation().check();
      Page page;
      try {
        page = pages.nextPage();
      } catch (LeverApiException e) {
        if (e.status() == 404) {
          // The parent was deleted between its page and this request (or Lever's old empty-
          // resume quirk): there is nothing to deliver, and deleted_opportunities records it.
          ctx.log().debug("{}: parent {} not found; skipped", spec.name(), parentId);
          return;
        }
        throw ctx.explain(spec, e);
      }
      java.time.Instant extracted = ctx.clock().instant();
      for (ObjectNode raw : page.data()) {
        ObjectNode record = shaper.shape(raw, Optional.of(parentId));
        ctx.writer().write(new SingerMessage.Record(spec.name(), record, extracted));
        ctx.stats().record(spec.name());
      }
    }
  }
}
