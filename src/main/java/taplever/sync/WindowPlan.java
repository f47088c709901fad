package taplever.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import taplever.catalog.StreamSelection;
import taplever.singer.Bookmark;
import taplever.singer.TapState;
import taplever.streams.CursorFilter;
import taplever.streams.StreamSpec;

/**
 * Decides how one parent list is read: from which replication-key value, up to which instant,
 * with Lever's filter or without it, and what each selected stream (parent and children) needs
 * from that walk. Pure: no I/O, so the rules are tested on their own.
 *
 * @param serverFilter send Lever's window parameters; false when a first sync must also see
 *     records that lack the key, or when Lever has no filter for the stream
 * @param start the window's lower bound; empty when the stream has no cursor
 * @param end the cap: the instant the sync started, never exceeded by a bookmark
 */
record WindowPlan(StreamSpec top, Optional<Participant> parent, List<Participant> children,
    boolean serverFilter, Optional<Instant> start, Instant end) {

  static WindowPlan of(StreamSpec top, Optional<StreamSelection> topSelection,
      List<StreamSelection> children, TapState state, Instant startDate, Instant syncStart,
      Duration childLookback, Duration childFullRefresh) {
    Optional<Participant> parent = topSelection.map(sel -> {
      Optional<Instant> mark = sel.incremental() ? state.bookmark(sel.name()).value() : Optional.empty();
      return new Participant(sel, later(mark.orElse(startDate), startDate), mark.isEmpty());
    });
    List<Participant> kids = new ArrayList<>();
    for (StreamSelection child : children) {
      Bookmark b = state.bookmark(child.name());
      boolean refreshDue = !child.spec().isEmbedded() && !childFullRefresh.isZero()
          && b.childrenRefreshedAt().map(at -> !at.plus(childFullRefresh).isAfter(syncStart)).orElse(true);
      boolean full = b.value().isEmpty() || refreshDue;
      Instant lower = full ? startDate
          : later(b.value().get().minus(child.spec().isEmbedded() ? Duration.ZERO : childLookback), startDate);
      kids.add(new Participant(child, lower, full));
    }
    if (top.cursor().isEmpty()) {
      return new WindowPlan(top, parent, kids, false, Optional.empty(), syncStart);
    }
    List<Participant> all = new ArrayList<>(kids);
    parent.ifPresent(all::add);
    Instant start = all.stream().map(Participant::lowerBound).min(Comparator.naturalOrder())
        .orElse(startDate);
    boolean anyFull = all.stream().anyMatch(Participant::fullPass);
    boolean filter = top.cursor().get().filter() instanceof CursorFilter.ServerWindow w
        && !(anyFull && w.keyMayBeMissing());
    return new WindowPlan(top, parent, kids, filter, Optional.of(start), syncStart);
  }

  /** The key a parent record is judged by: Lever's key, else createdAt where the key may be missing. */
  Optional<Long> keyOf(com.fasterxml.jackson.databind.node.ObjectNode raw) {
    if (top.cursor().isEmpty()) {
      return Optional.empty();
    }
    Optional<Long> key = RecordShaper.epochMillis(raw, top.cursor().get().key());
    if (key.isEmpty() && top.cursor().get().filter() instanceof CursorFilter.ServerWindow w
        && w.keyMayBeMissing()) {
      return RecordShaper.epochMillis(raw, "createdAt");
    }
    return key;
  }

  /** Whether a resumed window still serves every participant of this run. */
  boolean canResume(Bookmark.Progress progress) {
    if (progress.windowEnd().isEmpty()) {
      return false;
    }
    if (progress.windowStart().isEmpty()) {
      return true;
    }
    return serverFilter && start.isPresent() && !progress.windowStart().get().isAfter(start.get());
  }

  WindowPlan resumedFrom(Bookmark.Progress progress) {
    return new WindowPlan(top, parent, children, progress.windowStart().isPresent(),
        progress.windowStart().or(() -> start), progress.windowEnd().orElse(end));
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
