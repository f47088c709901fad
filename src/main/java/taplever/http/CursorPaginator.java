package taplever.http;

import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import taplever.error.LeverApiException;

/**
 * The rules of Lever's {@code next} loop, and nothing else: follow {@code next} while
 * {@code hasNext} is true, and fail instead of looping when a token comes back a second time.
 *
 * <p>The caller drives it one page at a time, because it writes STATE between pages:
 * <pre>{@code
 * CursorPaginator pages = CursorPaginator.over(client, request, bookmarkedOffset);
 * while (pages.hasMore()) {
 *   Page page = pages.nextPage();
 *   ... write records, then STATE with pages.resumeToken() ...
 * }
 * }</pre>
 * Not thread-safe: one listing, one thread.
 */
public final class CursorPaginator {

  /** Fetches the page at an offset (empty: the first page). */
  @FunctionalInterface
  public interface PageSource {
    Page fetch(Optional<String> offset);
  }

  private final PageSource source;
  private final String endpoint;
  private final Set<String> seen = new HashSet<>();
  private Optional<String> token;
  private boolean done;

  public CursorPaginator(PageSource source, String endpoint, Optional<String> startOffset) {
    this.source = source;
    this.endpoint = endpoint;
    this.token = startOffset;
    startOffset.ifPresent(seen::add);
  }

  /** Pages of {@code request}, starting at {@code startOffset} (empty: the first page). */
  public CursorPaginator(LeverClient client, LeverRequest request, Optional<String> startOffset) {
    this(offset -> client.fetch(request, offset), request.endpoint(), startOffset);
  }

  public static CursorPaginator over(LeverClient client, LeverRequest request,
      Optional<String> startOffset) {
    return new CursorPaginator(client, request, startOffset);
  }

  public boolean hasMore() {
    return !done;
  }

  /** Fetches the next page and moves past it. */
  public Page nextPage() {
    if (done) {
      throw new NoSuchElementException("the listing of " + endpoint + " is complete");
    }
    Page page = source.fetch(token);
    token = advance(page);
    done = token.isEmpty();
    return page;
  }

  /** The offset that fetches the page after the last one returned; empty once the list ends. */
  public Optional<String> resumeToken() {
    return token;
  }

  private Optional<String> advance(Page page) {
    if (!page.hasNext()) {
      return Optional.empty();
    }
    String next = page.next().filter(t -> !t.isEmpty()).orElseThrow(() -> new LeverApiException(
        200, endpoint, "Lever said hasNext but gave no next token for " + endpoint));
    if (!seen.add(next)) {
      throw new LeverApiException(200, endpoint, "Lever returned the same next token twice for "
          + endpoint + "; stopping instead of looping");
    }
    return Optional.of(next);
  }
}
