package taplever.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import taplever.catalog.Discovery;
import taplever.http.LeverRequest;
import taplever.http.Page;
import taplever.singer.Bookmark;
import taplever.streams.Cursor;
import taplever.streams.Endpoint;
import taplever.streams.Replication;
import taplever.streams.StreamSpec;

/**
 * Walks one top-level list per its {@link WindowPlan}: writes the parent's records and the
 * children found inline or in its arrays, and fans the per-parent child requests out; after each
 * page, once every record the page leads to is written, it writes the STATE that lets a rerun
 * resume at the next page. At the end every participant's bookmark advances to the largest key
 * seen, capped at the moment the sync started.
 */
final class ParentWalk {
  private final ListReader lists;
  private final ChildWork children;
  private final Output out;
  private final StateKeeper state;
  private final Map<String, StreamShaper> shapers;
  private final SyncStats stats;
  private final Logger log;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  ParentWalk(ListReader lists, ChildWork children, Output out, StateKeeper state,
      Map<String, StreamShaper> shapers, SyncStats stats, Logger log) {
    this.lists = lists;
    this.children = children;
    this.out = out;
    this.state = state;
    this.shapers = shapers;
    this.stats = stats;
    this.log = log;
  }

  /** Runs the window; returns how many archived parents it saw (for a fresh rolling cycle). */
  long run(WindowPlan plan) {
    StreamSpec top = plan.top();
    Bookmark topMark = state.bookmark(top.name());
    WindowPlan window = plan;
    Optional<String> offset = Optional.empty();
    long maxSeen = Long.MIN_VALUE;
    long archived = 0;
    if (topMark.progress().isPresent()) {
      Bookmark.Progress p = topMark.progress().get();
      boolean future = p.windowEnd().map(e -> e.isAfter(plan.end())).orElse(false);
      if (plan.canResume(p) && !future) {
        window = plan.resumedFrom(p);
        offset = p.offset();
        maxSeen = p.maxSeen().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE);
        log.info("{}: resuming an interrupted window at the page after the last one delivered",
            top.name());
      } else {
        log.warn("{}: the saved window does not cover this run's selection; reading it anew",
            top.name());
      }
    }
    List<WindowPlan> slices = window.slices();
    for (int i = 0; i < slices.size(); i++) {
      WindowPlan slice = slices.get(i);
      Walked walked = walk(slice, offset, maxSeen);
      archived += walked.archived();
      boolean last = i == slices.size() - 1;
      // A slice read to its end delivered everything up to it; the next slice starts there, and
      // so does a rerun. The last one keeps the rule of every window: the largest key seen.
      finish(slice, last ? walked.maxSeen()
          : Math.max(walked.maxSeen(), slice.end().toEpochMilli()));
      offset = Optional.empty();
      maxSeen = Long.MIN_VALUE;
    }
    return archived;
  }

  /** What reading one window's pages saw: the largest key, and how many parents were archived. */
  private record Walked(long maxSeen, long archived) {}

  private Walked walk(WindowPlan window, Optional<String> offset, long maxSeen) {
    long archived = 0;
    WalkTargets targets = targets(window);
    PagePrefetch<ParentPage> pages = lists.open(request(window, targets), offset, targets,
        once());
    try {
      while (pages.hasMore()) {
        Page<ParentPage> page = pages.next();
        lists.cancellation().check(); // once stopping, nothing more is written
        // The token is read before the next page is fetched ahead: it is where a rerun resumes
        // once this page's records are all written.
        Optional<String> next = page.hasNext() ? page.next() : Optional.empty();
        pages.fetchAhead();
        ParentPage records = page.records();
        out.page(records.lines());
        count(records);
        lists.written(records);
        children.readAll(records, targets.perParent(), SyncStats.Reason.CHANGED);
        maxSeen = Math.max(maxSeen, records.maxKey());
        archived += records.archived();
        if (next.isPresent()) {
          saveProgress(window, next, maxSeen);
        }
      }
    } finally {
      pages.abandon();
    }
    return new Walked(maxSeen, archived);
  }

  private WalkTargets targets(WindowPlan window) {
    StreamSpec top = window.top();
    Optional<Cursor> cursor = window.parent().flatMap(p -> p.selection().cursor())
        .or(top::cursor);
    List<WalkTargets.Target> inline = new ArrayList<>();
    List<WalkTargets.Target> derived = new ArrayList<>();
    List<WalkTargets.Target> perParent = new ArrayList<>();
    String versionField = null;
    for (Participant c : window.children()) {
      WalkTargets.Target t = new WalkTargets.Target(shapers.get(c.name()), c::wants);
      Replication r = c.selection().spec().replication();
      if (r instanceof Replication.FromParentArray a) {
        derived.add(t);
        versionField = a.versionSource();
      } else if (r instanceof Replication.WithParent w
          && w.fetch() instanceof Replication.ChildFetch.Inline) {
        inline.add(t);
      } else {
        perParent.add(t);
      }
    }
    return new WalkTargets(top.idField(), cursor.map(Cursor::key).orElse(null),
        cursor.flatMap(Cursor::fallbackKey).orElse(null), versionField,
        top.endpoint().flatMap(Endpoint::pipeline).map(Endpoint.Pipeline::archivedField)
            .orElse(null),
        window.end().toEpochMilli(),
        window.parent().map(p -> new WalkTargets.Target(shapers.get(p.name()), p::wants)),
        inline, derived, perParent);
  }

  private LeverRequest request(WindowPlan window, WalkTargets targets) {
    StreamSpec top = window.top();
    Endpoint endpoint = top.endpoint().orElseThrow();
    Map<String, List<String>> params = new LinkedHashMap<>(endpoint.params());
    if (window.serverFilter()) {
      Cursor.ServerWindow w = (Cursor.ServerWindow) window.cursor().get().filter();
      params.put(w.startParam(), List.of(Long.toString(window.start().get().toEpochMilli())));
      params.put(w.endParam(), List.of(Long.toString(window.end().toEpochMilli())));
    }
    for (WalkTargets.Target t : targets.inline()) {
      Replication.WithParent w = (Replication.WithParent) t.shaper().selection().spec().replication();
      Replication.ChildFetch.Inline fetch = (Replication.ChildFetch.Inline) w.fetch();
      params.computeIfAbsent(fetch.expandParam(), k -> new ArrayList<>()).add(fetch.expandValue());
    }
    if (endpoint.projectionParam().isPresent() && !window.serverFilter()) {
      params.put(endpoint.projectionParam().get(), List.copyOf(fieldsRead(window, targets)));
    }
    return new LeverRequest(endpoint.path(), endpoint.path(), params, endpoint.recordsAt());
  }

  /** Every field the walk emits or reads, for an endpoint that returns only what it is asked. */
  private static Set<String> fieldsRead(WindowPlan window, WalkTargets targets) {
    Set<String> fields = new LinkedHashSet<>();
    fields.add(targets.idField());
    for (String f : new String[] {targets.keyField(), targets.fallbackField(),
        targets.versionField()}) {
      if (f != null) {
        fields.add(f);
      }
    }
    window.parent().ifPresent(p -> {
      p.selection().schema().path("properties").fieldNames().forEachRemaining(fields::add);
      fields.addAll(Discovery.automaticFields(p.selection().spec()));
    });
    for (WalkTargets.Target t : targets.derived()) {
      fields.add(((Replication.FromParentArray) t.shaper().selection().spec().replication())
          .arrayField());
    }
    return fields;
  }

  private void count(ParentPage page) {
    int[] counts = page.counts();
    for (StreamShaper s : shapers.values()) {
      if (s.index() < counts.length) {
        stats.records(s.name(), counts[s.index()]);
      }
    }
  }

  private void saveProgress(WindowPlan window, Optional<String> next, long maxSeen) {
    List<Participant> served = window.participants();
    Bookmark.Progress progress = new Bookmark.Progress(
        window.serverFilter() ? window.start() : Optional.empty(), Optional.of(window.end()), next,
        seen(maxSeen), Optional.of(new Bookmark.Served(
            served.stream().map(Participant::name).toList(),
            served.stream().filter(Participant::fullPass).map(Participant::name).toList())));
    state.update(window.top().name(), b -> b.withProgress(Optional.of(progress)));
    state.emit();
  }

  private void finish(WindowPlan window, long maxSeen) {
    Optional<Instant> seen = seen(maxSeen);
    state.update(window.top().name(), b -> b.withProgress(Optional.empty()));
    Optional<String> key = window.cursor().map(Cursor::key);
    boolean keylessRead = !window.serverFilter();
    if (key.isPresent()) {
      window.parent().filter(p -> p.selection().incremental())
          .ifPresent(p -> advance(p, key.get(), seen, keylessRead, window.end()));
    }
    for (Participant c : window.children()) {
      key.ifPresent(k -> advance(c, k, seen, keylessRead, window.end()));
      boolean perParent = c.selection().spec().replication().perParentFetch().isPresent();
      if (c.fullPass() && perParent) {
        state.update(c.name(), b -> b.withChildrenRefreshedAt(window.end()));
      }
    }
    state.emit();
  }

  private void advance(Participant p, String key, Optional<Instant> seen, boolean keylessRead,
      Instant cap) {
    state.update(p.name(), b -> {
      // A bookmark beyond the cap (a wrong clock) was read as the cap; it is stored as such.
      Optional<Instant> value = b.value().map(v -> v.isAfter(cap) ? cap : v);
      if (seen.isPresent() && (value.isEmpty() || seen.get().isAfter(value.get()))) {
        value = seen;
      }
      Bookmark moved = b.withValue(key, value);
      return keylessRead ? moved.withKeylessPending(false) : moved;
    });
  }

  private static Optional<Instant> seen(long maxSeen) {
    return maxSeen == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(maxSeen));
  }

  /** Warnings a page reader may repeat for every record, said once per run. */
  private Consumer<String> once() {
    return message -> {
      int detail = message.indexOf(" (");
      if (warned.add(detail < 0 ? message : message.substring(0, detail))) {
        log.warn(message);
      }
    };
  }
}
