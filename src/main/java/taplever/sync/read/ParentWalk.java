package taplever.sync.read;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import taplever.http.LeverRequest;
import taplever.singer.Bookmark;
import taplever.streams.Cursor;
import taplever.streams.Endpoint;
import taplever.streams.Replication;
import taplever.streams.StreamSpec;
import taplever.sync.out.Output;
import taplever.sync.out.StateKeeper;
import taplever.sync.out.SyncStats;
import taplever.sync.plan.Participant;
import taplever.sync.plan.WindowPlan;
import taplever.sync.records.StreamShaper;

/**
 * Walks one top-level list per its {@link WindowPlan}: writes the parent's records and the
 * children found inline or in its arrays, and fans the per-parent child requests out; after each
 * page, once every record the page leads to is written, it writes the STATE that lets a rerun
 * resume at the next page. At the end every participant's bookmark advances to the largest key
 * seen, capped at the moment the sync started.
 */
public final class ParentWalk {
  private final ListReader lists;
  private final ChildWork children;
  private final Output out;
  private final StateKeeper state;
  private final Map<String, StreamShaper> shapers;
  private final SyncStats stats;
  private final Logger log;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  public ParentWalk(ListReader lists, ChildWork children, Output out, StateKeeper state,
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
  public long run(WindowPlan plan) {
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
    WalkTargets targets = targets(window);
    long[] seen = {maxSeen, 0};
    lists.walk(request(window, targets), offset, targets, once(),
        PageWalk.Ahead.WHILE_THE_HOOK_RUNS, (page, resume) -> {
          out.page(page.lines());
          count(page);
          page.unread().forEach((u, n) -> stats.notDelivered(u.stream(),
              "'" + u.field() + "' was " + u.what(), n));
          lists.written(page);
          children.readAll(page, targets, SyncStats.Reason.CHANGED);
          seen[0] = Math.max(seen[0], page.maxKey());
          seen[1] += page.archived();
          if (resume.isPresent()) {
            saveProgress(window, resume, seen[0]);
          }
          return true;
        });
    return new Walked(seen[0], seen[1]);
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
      if (r.rowsFromArray().isPresent()) {
        derived.add(t);
        versionField = r.rowsFromArray().get().versionSource();
      } else if (r.inlineFetch().isPresent()) {
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
    ReadRequest request = ReadRequest.list(window.top());
    if (window.serverFilter()) {
      request.window(window.start().get(), window.end());
    }
    targets.inline().forEach(t -> request.expand(t.shaper().selection().spec()));
    return request.fields(ReadRequest.fieldsRead(window.top(),
        window.parent().map(Participant::selection),
        window.children().stream().map(c -> c.selection().spec()).toList())).build();
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
        log.warn("{}", message); // the pattern itself would print Lever's text unescaped
      }
    };
  }
}
