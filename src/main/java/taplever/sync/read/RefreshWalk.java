package taplever.sync.read;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import taplever.singer.Bookmark;
import taplever.streams.Endpoint;
import taplever.streams.StreamSpec;
import taplever.sync.out.StateKeeper;
import taplever.sync.out.SyncStats;
import taplever.sync.plan.Participant;
import taplever.sync.plan.RecordKey;
import taplever.sync.plan.RefreshPlan;
import taplever.sync.plan.WindowPlan;
import taplever.sync.records.StreamShaper;

/**
 * Reads again, after the parent's window, the children a {@link RefreshPlan} says Lever may have
 * edited silently: those of live parents, then a slice of the archived ones. A parent already
 * read in the window this run is skipped. The rolling position is saved after every page, so an
 * interrupted slice resumes where it stopped and a later run never skips one.
 */
public final class RefreshWalk {
  private final ListReader lists;
  private final ChildWork children;
  private final StateKeeper state;
  private final Map<String, StreamShaper> shapers;
  private final Logger log;

  public RefreshWalk(ListReader lists, ChildWork children, StateKeeper state,
      Map<String, StreamShaper> shapers, Logger log) {
    this.lists = lists;
    this.children = children;
    this.state = state;
    this.shapers = shapers;
    this.log = log;
  }

  /**
   * @param window the window this run read, whose parents are not read again
   * @param archivedSeen archived parents the window saw, the size of a fresh cycle
   * @param syncStart this run's start (a window resumed from an earlier run ends before it)
   */
  public void run(WindowPlan window, RefreshPlan plan, long archivedSeen, Instant startDate,
      Instant syncStart, Duration period) {
    if (plan.pipeline().isEmpty()) {
      return;
    }
    Endpoint.Pipeline pipeline = plan.pipeline().get();
    StreamSpec top = window.top();
    if (!plan.live().isEmpty()) {
      WalkTargets targets = targets(window, plan.live(), top, pipeline);
      walk(ReadRequest.list(top).filters(pipeline.live()), Optional.empty(), targets,
          SyncStats.Reason.LIVE, (page, resume) -> true);
      walk(ReadRequest.list(top).filters(pipeline.archived()).filters(Map.of(
          pipeline.archivedSinceParam(), List.of(Long.toString(
              syncStart.minus(RefreshPlan.RECENTLY_ARCHIVED).toEpochMilli())))),
          Optional.empty(), targets, SyncStats.Reason.LIVE, (page, resume) -> true);
    }
    Optional<Bookmark.Rolling> after = plan.rolling().map(slice -> rolling(window, slice, top,
        pipeline, startDate, syncStart, period));
    // A child whose full pass just read every parent joins the cycle the others are walking.
    Bookmark.Rolling fresh = after.orElseGet(() -> RefreshPlan.freshCycle(syncStart, startDate,
        archivedSeen, period));
    if (!plan.adopters().isEmpty() || after.isPresent()) {
      for (Participant c : plan.adopters()) {
        state.update(c.name(), b -> b.withRolling(Optional.of(fresh)));
      }
      state.emit();
    }
  }

  private Bookmark.Rolling rolling(WindowPlan window, RefreshPlan.Slice slice, StreamSpec top,
      Endpoint.Pipeline pipeline, Instant startDate, Instant syncStart, Duration period) {
    WalkTargets targets = targets(window, slice.participants(), top, pipeline);
    Instant floor = slice.floor().orElse(startDate);
    Bookmark.Rolling r = slice.from();
    long walked = 0;
    while (walked < slice.quota() && r.position().isAfter(floor)) {
      Instant low = r.position().minus(r.window());
      low = low.isBefore(floor) ? floor : low;
      ReadRequest request = ReadRequest.list(top).filters(pipeline.archived())
          .filters(Map.of(pipeline.createdStartParam(), List.of(Long.toString(low.toEpochMilli()))))
          .filters(Map.of(pipeline.createdEndParam(),
              List.of(Long.toString(r.position().toEpochMilli() - 1))));
      WindowSteps steps = new WindowSteps(slice, r, slice.quota() - walked);
      boolean complete = walk(request, r.offset(), targets, SyncStats.Reason.ROLLING,
          steps::afterPage);
      walked += steps.count;
      Bookmark.Rolling c = steps.current;
      if (!complete) {
        // This run's share ended inside the window: the next run continues at the saved token,
        // of the very same query (same window), or Lever would refuse the token.
        Bookmark.Rolling paused = c.ranAt(syncStart);
        save(slice, paused);
        return paused;
      }
      // A window that took more than a share is halved, one far under it doubled.
      boolean resumed = r.offset().isPresent();
      Duration half = c.window().dividedBy(2);
      Duration next = resumed ? (half.compareTo(RefreshPlan.MIN_WINDOW) < 0 ? RefreshPlan.MIN_WINDOW
          : half) : steps.count * 2 < steps.share ? c.window().multipliedBy(2) : c.window();
      r = new Bookmark.Rolling(c.cycleStart(), low, next, Optional.empty(), c.done(), c.total(),
          c.lastRun(), c.gap());
      save(slice, r);
    }
    Bookmark.Rolling end;
    if (!r.position().isAfter(startDate)) {
      log.info("{}: the rolling refresh of archived parents' children completed a cycle of {}"
          + " parents", top.name(), r.done());
      end = RefreshPlan.nextCycle(r, startDate, syncStart, period);
    } else {
      end = r.ranAt(syncStart);
    }
    save(slice, end);
    return end;
  }

  /** One window of the rolling walk, page by page: the position saved after each. */
  private final class WindowSteps {
    private final RefreshPlan.Slice slice;
    private final long share;
    private Bookmark.Rolling current;
    private long count;

    WindowSteps(RefreshPlan.Slice slice, Bookmark.Rolling from, long share) {
      this.slice = slice;
      this.current = from;
      this.share = share;
    }

    boolean afterPage(ParentPage page, Optional<String> resume) {
      int n = page.recordCount();
      count += n;
      Bookmark.Rolling c = current;
      current = new Bookmark.Rolling(c.cycleStart(), c.position(), c.window(), resume,
          c.done() + n, c.total(), c.lastRun(), c.gap());
      save(slice, current);
      return count < share;
    }
  }

  private void save(RefreshPlan.Slice slice, Bookmark.Rolling r) {
    for (Participant c : slice.participants()) {
      state.update(c.name(), b -> b.withRolling(Optional.of(r)));
    }
    state.emit();
  }

  /**
   * Reads a listing page by page, fanning out each page's children; after each page
   * {@code afterPage} runs and may stop the walk (false). True when the listing was read to its
   * end.
   */
  private boolean walk(ReadRequest request, Optional<String> offset, WalkTargets targets,
      SyncStats.Reason reason, PageWalk.PageHook<ParentPage> afterPage) {
    return lists.walk(request.build(), offset, targets, m -> log.warn("{}", m),
        PageWalk.Ahead.AFTER_THE_HOOK,
        (page, resume) -> {
          lists.written(page); // nothing of the parent is written in a refresh walk
          children.readAll(page, targets, reason);
          return afterPage.onPage(page, resume);
        });
  }

  /** Children of parents the window did not read this run (a parent read there is covered). */
  private WalkTargets targets(WindowPlan window, List<Participant> participants, StreamSpec top,
      Endpoint.Pipeline pipeline) {
    List<WalkTargets.Target> perParent = new ArrayList<>();
    long end = window.end().toEpochMilli();
    for (Participant c : participants) {
      long lower = c.lowerBound().toEpochMilli();
      Predicate<RecordKey> notCovered = k -> !(k.kind() == RecordKey.Kind.KEY
          && k.millis() >= lower && k.millis() <= end);
      perParent.add(new WalkTargets.Target(shapers.get(c.name()), notCovered));
    }
    String key = window.cursor().map(taplever.streams.Cursor::key).orElse(null);
    return new WalkTargets(top.idField(), key, null, null, pipeline.archivedField(), end,
        Optional.empty(), List.of(), List.of(), perParent);
  }
}
