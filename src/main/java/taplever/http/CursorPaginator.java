package taplever.http;

import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import taplever.error.LeverApiException;

/**
 * The rules of Lever's {@code next} loop, in one place for every list the tap reads, parents and
 * children alike: follow {@code next} while {@code hasNext} is true and a token is given, fail
 * when {@code hasNext} comes without a token, and fail instead of looping when a token comes back
 * a second time.
 *
 * <p>The sync's PageWalk drives it one page at a time, because it writes a page and the STATE
 * with its {@link #resumeToken()} before the next may count as read. Not thread-safe: one
 * thread at a time (a page fetched ahead is asked for on the prefetch thread, the next one only
 * after the walk has taken it).
 */
public final class CursorPaginator<T> {
  private final Function<Optional<String>, Page<T>> source;
  private final String endpoint;
  private final Set<String> seen = new HashSet<>();
  private Optional<String> token;
  private boolean done;

  /** Pages from {@code source} (offset in, page out), starting at {@code startOffset}. */
  public CursorPaginator(Function<Optional<String>, Page<T>> source, String endpoint,
      Optional<String> startOffset) {
    this.source = source;
    this.endpoint = endpoint;
    this.token = startOffset;
    startOffset.ifPresent(seen::add);
  }

  public boolean hasMore() {
    return !done;
  }

  /** Fetches the next page and moves past it. */
  public Page<T> nextPage() {
    if (done) {
      throw new NoSuchElementException("the listing of " + endpoint + " is complete");
    }
    Page<T> page = source.apply(token);
    token = advance(page);
    done = token.isEmpty();
    return page;
  }

  /** The offset that fetches the page after the last one returned; empty once the list ends. */
  public Optional<String> resumeToken() {
    return token;
  }

  private Optional<String> advance(Page<T> page) {
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
