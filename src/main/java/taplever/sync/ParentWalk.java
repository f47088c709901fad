package taplever.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import taplever.http.LeverRequest;
import taplever.http.Page;
import taplever.singer.Bookmark;
import taplever.singer.SingerMessage;
import taplever.streams.CursorFilter;
import taplever.streams.ParentLink;
import taplever.streams.StreamSpec;

/**
 * Walks one top-level list per its {@link WindowPlan}: emits the parent's records, the embedded
 * children found inline, and fans the per-parent child requests out; after each page, once every
 * record the page leads to is written, it writes the STATE that lets a rerun resume at the next
 * page. At the end every participant's bookmark advances to the largest key seen, capped at the
 * moment the sync started.
 */
final class ParentWalk {
  private final SyncContext ctx;
  private final WindowPlan plan;
  private final Map<String, RecordShaper> shapers = new LinkedHashMap<>();
  private long maxSeen = Long.MIN_VALUE;

  ParentWalk(SyncContext ctx, WindowPlan plan) {
    this.ctx = ctx;
    this.plan = plan;
    plan.parent().ifPresent(p -> shapers.put(p.selection().name(), ctx.shaper(p.selection())));
    plan.children().forEach(c -> shapers.put(c.selection().name(), ctx.shaper(c.selection())));
  }

  void run() {
    StreamSpec top = plan.top();
    Bookmark topMark = ctx.state().bookmark(top.name());
    WindowPlan window = plan;
    Optional<String> offset = Optional.empty();
    if (topMark.progress().isPresent()) {
      Bookmark.Progress p = topMark.progress().get();
      if (plan.canResume(p)) {
        window = plan.resumedFrom(p);
        offset = p.offset();
        maxSeen = p.maxSeen().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE);
        ctx.log().info("{}: resuming an interrupted window at the page after the last one delivered",
            top.name());
      } else {
        ctx.log().warn("{}: the saved window does not cover this run's selection; reading it anew",
            top.name());
      }
    }
    LeverRequest request = request(window);
    PagePrefetch pages = new PagePrefetch(ctx, top, request, offset);
    while (pages.hasMore()) {
      Page page = pages.next();
      // The token is read before the next page is fetched ahead: it is where a rerun resumes once
      // this page's records are all written.
      Optional<String> next = page.hasNext() ? page.next() : Optional.empty();
      pages.fetchAhead();
      handlePage(window, page);
      if (next.isPresent()) {
        saveProgress(window, next);
      }
    }
    finish(window);
  }

  private LeverRequest request(WindowPlan window) {
    StreamSpec top = window.top();
    Map<String, List<String>> params = new LinkedHashMap<>(top.params());
    if (window.serverFilter()) {
      CursorFilter.ServerWindow w = (CursorFilter.ServerWindow) top.cursor().get().filter();
      params.put(w.startParam(), List.of(Long.toString(window.start().get().toEpochMilli())));
      params.put(w.endParam(), List.of(Long.toString(window.end().toEpochMilli())));
    }
    List<String> expand = new ArrayList<>();
    for (Participant c : window.children()) {
      c.selection().spec().parent().flatMap(ParentLink::embedded).ifPresent(e -> expand.add(e.expand()));
    }
    if (!expand.isEmpty()) {
      params.put("expand", List.copyOf(expand));
    }
    return new LeverRequest(top.path(), top.path(), params);
  }

  private void handlePage(WindowPlan window, Page page) {
    Instant extracted = ctx.clock().instant();
    ChildFanOut.Batch batch = ctx.fanOut().batch();
    for (ObjectNode raw : page.data()) {
      Optional<Long> key = window.keyOf(raw);
      key.ifPresent(k -> maxSeen = Math.max(maxSeen, Math.min(k, window.end().toEpochMilli())));
      String id = raw.path("id").asText(null);
      List<Participant> wanted = new ArrayList<>();
      for (Participant c : window.children()) {
        if (id != null && key.map(c::wants).orElse(true)) {
          wanted.add(c);
        }
      }
      for (Participant c : wanted) {
        ParentLink link = c.selection().spec().parent().get();
        if (link.embedded().isPresent()) {
          emitEmbedded(c, raw.get(link.embedded().get().field()), id, extracted);
        } else {
          batch.submit(() -> ctx.children().sync(c.selection(), shapers.get(c.selection().name()), id));
        }
      }
      window.parent().filter(p -> key.map(p::wants).orElse(true))
          .ifPresent(p -> emit(p.selection().name(), collapseEmbedded(raw), Optional.empty(), extracted));
    }
    batch.await();
  }

  private void emitEmbedded(Participant child, JsonNode inline, String parentId, Instant extracted) {
    if (inline == null || !inline.isArray()) {
      return;
    }
    for (JsonNode item : inline) {
      if (item.isObject()) {
        emit(child.selection().name(), (ObjectNode) item, Optional.of(parentId), extracted);
      }
    }
  }

  /** The parent's schema lists ids for an expanded field; keep the ids, the children got the rest. */
  private ObjectNode collapseEmbedded(ObjectNode raw) {
    for (Participant c : plan.children()) {
      Optional<ParentLink.Embedded> e = c.selection().spec().parent().flatMap(ParentLink::embedded);
      if (e.isPresent() && raw.get(e.get().field()) instanceof ArrayNode items) {
        ArrayNode ids = JsonNodeFactory.instance.arrayNode(items.size());
        items.forEach(i -> ids.add(i.isObject() ? i.get("id") : i));
        raw.set(e.get().field(), ids);
      }
    }
    return raw;
  }

  private void emit(String stream, ObjectNode raw, Optional<String> parentId, Instant extracted) {
    ObjectNode record = shapers.get(stream).shape(raw, parentId);
    ctx.writer().write(new SingerMessage.Record(stream, record, extracted));
    ctx.stats().record(stream);
  }

  private void saveProgress(WindowPlan window, Optional<String> next) {
    Bookmark.Progress progress = new Bookmark.Progress(
        window.serverFilter() ? window.start() : Optional.empty(), Optional.of(window.end()), next,
        seen());
    ctx.update(plan.top().name(), b -> b.withProgress(Optional.of(progress)));
    ctx.emitState();
  }

  private void finish(WindowPlan window) {
    Optional<Instant> seen = seen();
    ctx.update(plan.top().name(), b -> b.withProgress(Optional.empty()));
    window.parent().filter(p -> p.selection().incremental()).ifPresent(p -> advance(p, seen));
    for (Participant c : window.children()) {
      advance(c, seen);
      if (c.fullPass() && !c.selection().spec().isEmbedded()) {
        ctx.update(c.selection().name(), b -> b.withChildrenRefreshedAt(window.end()));
      }
    }
    ctx.emitState();
  }

  private void advance(Participant p, Optional<Instant> seen) {
    String key = plan.top().cursor().map(c -> c.key()).orElse("updatedAt");
    ctx.update(p.selection().name(), b -> {
      Optional<Instant> value = b.value();
      if (seen.isPresent() && (value.isEmpty() || seen.get().isAfter(value.get()))) {
        value = seen;
      }
      return b.withValue(key, value);
    });
  }

  private Optional<Instant> seen() {
    return maxSeen == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(maxSeen));
  }
}
