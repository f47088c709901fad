package taplever.sync;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.slf4j.Logger;
import taplever.error.LeverApiException;
import taplever.http.CursorPaginator;
import taplever.http.Page;

/**
 * A parent list's pages, with the next one fetched while the current one is processed, so Lever's
 * latency and the tap's work overlap instead of adding up. At most two pages are in memory. A
 * saved token Lever no longer accepts restarts the listing once, never skipping ahead.
 */
final class PagePrefetch<T> {
  private final Function<Optional<String>, Page<T>> source;
  private final String label;
  private final Optional<String> savedOffset;
  private final ExecutorService ahead;
  private final Cancellation cancellation;
  private final Logger log;
  private CursorPaginator<T> pages;
  private Future<Page<T>> next;
  private boolean first = true;

  PagePrefetch(Function<Optional<String>, Page<T>> source, String label,
      Optional<String> savedOffset, ExecutorService ahead, Cancellation cancellation, Logger log) {
    this.source = source;
    this.label = label;
    this.savedOffset = savedOffset;
    this.ahead = ahead;
    this.cancellation = cancellation;
    this.log = log;
    this.pages = new CursorPaginator<>(source, label, savedOffset);
  }

  boolean hasMore() {
    return next != null || pages.hasMore();
  }

  Page<T> next() {
    if (next == null) {
      return fetch();
    }
    Future<Page<T>> f = next;
    next = null;
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      throw cancellation.interruption();
    }
  }

  /** Starts fetching the following page, if there is one. */
  void fetchAhead() {
    if (pages.hasMore() && !cancellation.isCancelled()) {
      next = ahead.submit(this::fetch);
    }
  }

  /** Cancels a page fetched ahead that will not be used (the walk failed or stopped). */
  void abandon() {
    if (next != null) {
      next.cancel(true);
      next = null;
    }
  }

  private Page<T> fetch() {
    cancellation.check();
    try {
      Page<T> page = pages.nextPage();
      first = false;
      return page;
    } catch (LeverApiException e) {
      if (first && e.invalidOffsetToken() && savedOffset.isPresent()) {
        // Lever's tokens are tied to the exact query; restart this listing, never skip ahead.
        log.warn("{}: Lever rejected the saved page token; re-reading the window from its start"
            + " (records may repeat, none are skipped)", label);
        first = false;
        pages = new CursorPaginator<>(source, label, Optional.empty());
        return fetch();
      }
      throw e;
    }
  }
}
