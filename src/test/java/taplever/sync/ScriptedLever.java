package taplever.sync;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import taplever.error.LeverApiException;
import taplever.http.LeverJson;
import taplever.http.LeverRequest;
import taplever.http.Page;
import taplever.http.PageSource;
import taplever.http.RecordSink;

/**
 * A page source for engine tests: answers by path with scripted pages (records as JSON), chained
 * by tokens {@code "<path>#<n>"}, and records every request. Unscripted paths answer an empty
 * page, as Lever does for an empty list.
 */
public final class ScriptedLever implements PageSource {
  private static final ObjectMapper JSON = LeverJson.pages();

  /** One request as the engine made it. */
  public record Asked(String path, Map<String, List<String>> params, Optional<String> offset) {
    public Optional<String> param(String name) {
      return Optional.ofNullable(params.get(name)).map(v -> v.get(0));
    }
  }

  private final Map<String, Function<Asked, List<String>>> routes = new HashMap<>();
  private final Map<String, Function<Asked, LeverApiException>> failures = new HashMap<>();
  private final List<Asked> asked = Collections.synchronizedList(new ArrayList<>());
  private volatile Runnable beforeEach = () -> { };

  /** {@code pages}: each page's {@code data} array as JSON. */
  public ScriptedLever pages(String path, String... pages) {
    return on(path, a -> List.of(pages));
  }

  /** Pages that depend on the request (its filters). */
  public ScriptedLever on(String path, Function<Asked, List<String>> pages) {
    routes.put(path, pages);
    return this;
  }

  ScriptedLever fails(String path, int status, String label, String message) {
    failures.put(path, a -> new LeverApiException(status, label, message));
    return this;
  }

  /** Runs before every request is answered (to cancel, to block). */
  ScriptedLever beforeEach(Runnable action) {
    this.beforeEach = action;
    return this;
  }

  public List<Asked> asked() {
    synchronized (asked) {
      return List.copyOf(asked);
    }
  }

  public List<Asked> askedFor(String path) {
    return asked().stream().filter(a -> a.path().equals(path)).toList();
  }

  @Override
  public <T> Page<T> fetch(LeverRequest request, Optional<String> offset,
      Supplier<RecordSink<T>> sinks) {
    Asked a = new Asked(request.path(), request.params(), offset);
    asked.add(a);
    beforeEach.run();
    Function<Asked, LeverApiException> failure = failures.get(request.path());
    if (failure != null) {
      throw failure.apply(a);
    }
    List<String> pages = routes.getOrDefault(request.path(), x -> List.of("[]")).apply(a);
    int index = offset.map(o -> Integer.parseInt(o.substring(o.indexOf('#') + 1))).orElse(0);
    RecordSink<T> sink = sinks.get();
    try (JsonParser p = JSON.getFactory().createParser(pages.get(index))) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IllegalArgumentException("a page is a JSON array of records");
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        sink.record(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean more = index + 1 < pages.size();
    return new Page<>(sink.page(), more,
        more ? Optional.of(request.path() + "#" + (index + 1)) : Optional.empty());
  }
}
