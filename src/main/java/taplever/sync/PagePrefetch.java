package taplever.sync;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import taplever.error.LeverApiException;
import taplever.http.CursorPaginator;
import taplever.http.LeverRequest;
import taplever.http.Page;
import taplever.streams.StreamSpec;

/**
 * A parent list's pages, with the next one fetched while the current one is processed, so Lever's
 * latency and the tap's work overlap instead of adding up. At most two pages are in memory.
 * A saved token Lever no longer accepts restarts the window once, never skipping ahead.
 */
final class PagePrefetch {
  private final SyncContext ctx;
  private final StreamSpec top;
  private final LeverRequest request;
  private final Optional<String> savedOffset;
  private CursorPaginator pages;
  private Future<Page> ahead;
  private boolean first = true;

  PagePrefetch(SyncContext ctx, StreamSpec top, LeverRequest request, Optional<String> savedOffset) {
    this.ctx = ctx;
    this.top = top;
    this.request = request;
    this.savedOffset = savedOffset;
    this.pages = CursorPaginator.over(ctx.client(), request, savedOffset);
  }

  boolean hasMore() {
    return ahead != null || pages.hasMore();
  }

  Page next() {
    if (ahead == null) {
      return fetch();
    }
    Future<Page> f = ahead;
    ahead = null;
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ctx.cancellation().interruption();
    }
  }

  /** Starts fetching the following page, if there is one. */
  void fetchAhead() {
    if (pages.hasMore()) {
      ahead = ctx.prefetcher().submit(this::fetch);
    }
  }

  private Page fetch() {
    ctx.cancellation().check();
    try {
      Page page = pages.nextPage();
      first = false;
      return page;
    } catch (LeverApiException e) {
      if (first && e.invalidOffsetToken() && savedOffset.isPresent()) {
        // Lever's tokens are tied to the exact query; restart this window, never skip ahead.
        ctx.log().warn("{}: Lever rejected the saved page token; re-reading the window from its"
            + " start (records may repeat, none are skipped)", top.name());
        first = false;
        pages = CursorPaginator.over(ctx.client(), request, Optional.empty());
        return fetch();
      }
      throw ctx.explain(top, e);
    }
  }
}
