package taplever.sync.read;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.slf4j.Logger;
import taplever.error.LeverApiException;
import taplever.http.CursorPaginator;
import taplever.http.LeverClient;
import taplever.http.LeverRequest;
import taplever.http.Page;
import taplever.http.PageSource;
import taplever.http.RecordSink;
import taplever.runtime.Cancellation;
import taplever.singer.Bookmark;

/**
 * The one walk over a Lever list's pages, for every read of a sync: parents, refreshes, children
 * and definitions. {@link CursorPaginator} holds the {@code next} rules; this adds what a sync
 * needs around them: a stop checked before every page, a hook after each page that writes it,
 * fans out or saves progress (and may end the walk), the token to resume at, which it takes from
 * the paginator, and, for parent lists, the next page fetched while the hook works, so that
 * Lever's latency and the tap's work overlap (at most two pages in memory).
 *
 * <p>A walk that resumes at a token saved by an earlier run asks for that page only a few times
 * ({@link PageSource#RESUME_TRIES}); when Lever keeps refusing it (Lever ties a token to its
 * exact query) or choking on it, the list is read again from its start, with a warning: records
 * may repeat, none is skipped. One walk, one thread (the page fetched ahead aside).
 */
public final class PageWalk {
  private final PageSource source;
  private final Optional<ExecutorService> ahead;
  private final Cancellation cancellation;
  private final Logger log;

  /** @param ahead where the next page is fetched while the current one is used; empty: never */
  public PageWalk(PageSource source, Optional<ExecutorService> ahead, Cancellation cancellation,
      Logger log) {
    this.source = source;
    this.ahead = ahead;
    this.cancellation = cancellation;
    this.log = log;
  }

  /** What to do with each page. */
  @FunctionalInterface
  interface PageHook<T> {
    /**
     * @param page what the sink made of the page
     * @param resume the token of the page after this one, where a rerun resumes once this page's
     *     records are delivered; empty on the last page
     * @return false to end the walk here
     */
    boolean onPage(T page, Optional<String> resume);
  }

  /** When the page after the current one is fetched. */
  enum Ahead {
    /** Before the hook runs, overlapping it: for walks that read to the end. */
    WHILE_THE_HOOK_RUNS,
    /** Only once the hook said to go on, so a walk that stops early asks for nothing more. */
    AFTER_THE_HOOK
  }

  /**
   * Reads {@code request}'s pages from {@code saved} (empty: the first page) until the list ends
   * or the hook ends the walk. Each attempt at a page reads into a fresh sink from
   * {@code sinks}.
   *
   * @return true when the list was read to its end
   */
  <T> boolean run(LeverRequest request, Optional<String> saved, Supplier<RecordSink<T>> sinks,
      Ahead when, PageHook<T> hook) {
    Pages<T> pages = new Pages<>(request, saved, sinks);
    try {
      while (pages.hasMore()) {
        Fetched<T> fetched = pages.next();
        cancellation.check(); // once stopping, nothing more is written
        if (when == Ahead.WHILE_THE_HOOK_RUNS) {
          pages.fetchAhead();
        }
        if (!hook.onPage(fetched.page(), fetched.resume())) {
          return fetched.resume().isEmpty();
        }
        if (when == Ahead.AFTER_THE_HOOK) {
          pages.fetchAhead();
        }
      }
      return true;
    } finally {
      pages.abandon();
    }
  }

  /** A page and the token that follows it, taken from the paginator as the page arrived. */
  private record Fetched<T>(T page, Optional<String> resume) {}

  /** The pages of one walk, with the next one possibly on its way. */
  private final class Pages<T> {
    private final LeverRequest request;
    private final Optional<String> saved;
    private final Supplier<RecordSink<T>> sinks;
    private CursorPaginator<T> cursor;
    private Future<Fetched<T>> next;
    private boolean first = true;

    Pages(LeverRequest request, Optional<String> saved, Supplier<RecordSink<T>> sinks) {
      this.request = request;
      this.saved = saved;
      this.sinks = sinks;
      this.cursor = paginator(saved);
    }

    private CursorPaginator<T> paginator(Optional<String> from) {
      return new CursorPaginator<>(offset -> offset.isPresent() && first && saved.isPresent()
          ? source.fetchResumed(request, offset.get(), sinks)
          : source.fetch(request, offset, sinks), request.endpoint(), from);
    }

    boolean hasMore() {
      return next != null || cursor.hasMore();
    }

    Fetched<T> next() {
      if (next == null) {
        return fetch();
      }
      Future<Fetched<T>> f = next;
      next = null;
      try {
        return f.get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException re ? re
            : new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        f.cancel(true);
        throw cancellation.interruption();
      }
    }

    void fetchAhead() {
      if (ahead.isPresent() && cursor.hasMore() && !cancellation.isCancelled()) {
        next = ahead.get().submit(this::fetch);
      }
    }

    void abandon() {
      if (next != null) {
        next.cancel(true);
        next = null;
      }
    }

    private Fetched<T> fetch() {
      cancellation.check();
      try {
        Page<T> page = cursor.nextPage();
        first = false;
        Optional<String> resume = cursor.resumeToken();
        if (resume.isPresent() && resume.get().length() > Bookmark.LONGEST_TOKEN) {
          throw new LeverApiException(200, request.endpoint(), "Lever gave a next token of "
              + resume.get().length() + " characters for " + request.endpoint() + "; its tokens"
              + " are about 100, and a state holds at most " + Bookmark.LONGEST_TOKEN);
        }
        return new Fetched<>(page.records(), resume);
      } catch (LeverApiException e) {
        if (!first || saved.isEmpty() || !tokenNotServed(e)) {
          throw e;
        }
        first = false;
        log.warn("{}: Lever would not serve the page at the saved token ({}); re-reading the"
            + " window from its start (records may repeat, none are skipped)", request.endpoint(),
            e.invalidOffsetToken() ? "it rejected the token" : "tried " + PageSource.RESUME_TRIES
                + " times: " + e.getMessage());
        cursor = paginator(Optional.empty());
        return fetch();
      }
    }
  }

  /**
   * Failures a saved token can cause: Lever rejecting it, a request line too long for a server,
   * a connection dropped or an error on the way. A refusal of the credentials or of the list is
   * not one: reading from the start would meet it too.
   */
  private static boolean tokenNotServed(LeverApiException e) {
    int status = e.status();
    return e.invalidOffsetToken() || status == 400 || status == 413 || status == 414
        || status == 431 || status >= 500 || (status == 0 && !LeverClient.isInterruption(e)
            && !e.fromTokenEndpoint());
  }
}
