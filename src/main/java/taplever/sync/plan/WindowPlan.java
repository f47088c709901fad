package taplever.sync.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import taplever.catalog.StreamSelection;
import taplever.singer.Bookmark;
import taplever.singer.DateTimes;
import taplever.singer.TapState;
import taplever.streams.Cursor;
import taplever.streams.StreamSpec;

/**
 * Decides how one parent list is read: from which key value, up to which instant, with Lever's
 * filter or without it, and what each selected stream (parent and children) needs from that walk.
 * Pure: no I/O, so the rules are tested on their own.
 *
 * @param serverFilter send Lever's window parameters; false when a pass must also see records
 *     that lack the key, or when Lever has no filter for the stream
 * @param start the window's lower bound; empty when the stream has no cursor
 * @param end the cap: the instant the sync started, never exceeded by a bookmark
 * @param notices what the user should hear about the state it was given (clamped bookmarks)
 */
public record WindowPlan(StreamSpec top, Optional<Participant> parent, List<Participant> children,
    boolean serverFilter, Optional<Instant> start, Instant end, List<String> notices) {

  /**
   * The run's settings that shape a window.
   *
   * @param rolling children of parents with a live pipeline are refreshed by {@link RefreshPlan}
   *     instead of a periodic full pass
   */
  public record Settings(Instant startDate, Instant syncStart, Duration childLookback,
      Duration childFullRefresh, boolean rolling) {

    Settings(Instant startDate, Instant syncStart, Duration childLookback,
        Duration childFullRefresh) {
      this(startDate, syncStart, childLookback, childFullRefresh, false);
    }
  }

  public static WindowPlan of(StreamSpec top, Optional<StreamSelection> topSelection,
      List<StreamSelection> children, TapState state, Settings settings) {
    List<String> notices = new ArrayList<>();
    Instant startDate = settings.startDate();
    Instant syncStart = settings.syncStart();
    boolean topIncremental = topSelection.map(StreamSelection::incremental)
        .orElse(top.incrementalByDefault() && top.cursor().isPresent());
    Optional<Participant> parent = topSelection.map(sel -> {
      Bookmark b = state.bookmark(sel.name());
      Optional<Instant> mark = sel.incremental()
          ? clamp(sel.name(), b.value(), syncStart, notices) : Optional.empty();
      Instant lower = later(mark.orElse(startDate), startDate);
      boolean full = mark.isEmpty();
      return new Participant(sel, lower, full, full || b.keylessPending() ? startDate : lower);
    });
    boolean periodic = !settings.rolling()
        || top.endpoint().flatMap(taplever.streams.Endpoint::pipeline).isEmpty();
    List<Participant> kids = new ArrayList<>();
    for (StreamSelection child : children) {
      Bookmark b = state.bookmark(child.name());
      boolean perParent = child.spec().replication().perParentFetch().isPresent();
      Optional<Instant> mark = topIncremental
          ? clamp(child.name(), b.value(), syncStart, notices) : Optional.empty();
      Optional<Instant> refreshed = clamp(child.name() + " children_refreshed_at",
          b.childrenRefreshedAt(), syncStart, notices);
      boolean refreshDue = perParent && periodic && !settings.childFullRefresh().isZero()
          && refreshed.map(at -> !at.plus(settings.childFullRefresh()).isAfter(syncStart))
              .orElse(true);
      boolean full = mark.isEmpty() || refreshDue;
      Instant lower = full ? startDate
          : later(mark.get().minus(perParent ? settings.childLookback() : Duration.ZERO), startDate);
      kids.add(new Participant(child, lower, full,
          full || b.keylessPending() ? startDate : lower));
    }
    if (top.cursor().isEmpty()) {
      return new WindowPlan(top, parent, kids, false, Optional.empty(), syncStart, notices);
    }
    List<Participant> all = new ArrayList<>(kids);
    parent.ifPresent(all::add);
    Instant start = all.stream().map(Participant::lowerBound).min(Comparator.naturalOrder())
        .orElse(startDate);
    Cursor cursor = topSelection.flatMap(StreamSelection::cursor).orElse(top.cursor().get());
    boolean needsKeyless = all.stream().anyMatch(p -> p.keylessBound().isBefore(p.lowerBound())
        || p.fullPass());
    boolean filter = topIncremental && cursor.serverWindow().isPresent()
        && !(needsKeyless && cursor.fallbackKey().isPresent());
    return new WindowPlan(top, parent, kids, filter, Optional.of(start), syncStart, notices);
  }

  /** The cursor records are judged by. */
  public Optional<Cursor> cursor() {
    return top.cursor();
  }

  /** Whether a resumed window still serves every participant of this run. */
  public boolean canResume(Bookmark.Progress progress) {
    if (progress.windowEnd().isEmpty()) {
      return false;
    }
    if (progress.streams().isPresent()) {
      Bookmark.Served served = progress.streams().get();
      for (Participant p : participants()) {
        if (!served.all().contains(p.name())
            || (p.fullPass() && !served.fullPass().contains(p.name()))) {
          return false;
        }
      }
    }
    if (progress.windowStart().isEmpty()) {
      return true;
    }
    return serverFilter && start.isPresent() && !progress.windowStart().get().isAfter(start.get());
  }

  public WindowPlan resumedFrom(Bookmark.Progress progress) {
    return new WindowPlan(top, parent, children, progress.windowStart().isPresent(),
        progress.windowStart().or(() -> start), progress.windowEnd().orElse(end), notices);
  }

  /**
   * The window as Lever will answer it: itself, or consecutive windows of at most the cursor's
   * longest, sharing their bounds (Lever's are inclusive), the last one ending at {@code end}.
   */
  public List<WindowPlan> slices() {
    Optional<Duration> longest = cursor().flatMap(Cursor::serverWindow)
        .flatMap(Cursor.ServerWindow::longest);
    if (!serverFilter || start.isEmpty() || longest.isEmpty()
        || !start.get().plus(longest.get()).isBefore(end)) {
      return List.of(this);
    }
    List<WindowPlan> slices = new ArrayList<>();
    Instant from = start.get();
    while (from.plus(longest.get()).isBefore(end)) {
      Instant to = from.plus(longest.get());
      slices.add(new WindowPlan(top, parent, children, true, Optional.of(from), to, notices));
      from = to;
    }
    slices.add(new WindowPlan(top, parent, children, true, Optional.of(from), end, notices));
    return slices;
  }

  /** Every participant of the walk: the parent first, if selected. */
  public List<Participant> participants() {
    List<Participant> all = new ArrayList<>();
    parent.ifPresent(all::add);
    all.addAll(children);
    return all;
  }

  /** A bookmark after the sync start (a wrong clock, a hand edit) would skip data: cap it. */
  private static Optional<Instant> clamp(String what, Optional<Instant> value, Instant syncStart,
      List<String> notices) {
    if (value.isPresent() && value.get().isAfter(syncStart)) {
      notices.add("state for " + what + " is " + DateTimes.format(value.get()) + ", after this"
          + " sync's start (" + DateTimes.format(syncStart) + "); using the sync's start, so"
          + " nothing since then is skipped");
      return Optional.of(syncStart);
    }
    return value;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

}
