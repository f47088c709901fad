package taplever.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import taplever.singer.Bookmark;
import taplever.singer.DateTimes;
import taplever.singer.TapState;

/**
 * Every value a state may hold, at its bounds, with the config's child_*_days at theirs and its
 * start date at the state's earliest instant or an ordinary one: the sync runs without an
 * arithmetic error, and the state it ends with reads back.
 */
class StateExtremesTest {
  private static final Duration MOST_DAYS = Duration.ofDays(3650); // child_*_days at most

  /** The instants a state may hold at the edges, and this run's now. */
  private static final List<Instant> INSTANTS = List.of(Bookmark.EARLIEST, EngineRun.NOW,
      Bookmark.LATEST);

  private static String settings(Instant start, Duration fullRefresh, boolean rolling) {
    return "\"start_date\": \"" + DateTimes.format(start) + "\", \"child_lookback_days\": "
        + MOST_DAYS.toDays() + ", \"child_full_refresh_days\": " + fullRefresh.toDays()
        + ", \"child_refresh\": \"" + (rolling ? "rolling" : "periodic") + "\"";
  }

  static Stream<Arguments> extremes() {
    List<Arguments> all = new ArrayList<>();
    for (Instant start : List.of(Bookmark.EARLIEST, EngineRun.START_DATE)) {
      for (Instant cycleStart : INSTANTS) {
        for (Instant position : INSTANTS) {
          for (long total : new long[] {0, Bookmark.MOST}) {
            all.add(Arguments.of(start, cycleStart, position, Bookmark.LONGEST, total,
                Bookmark.EARLIEST, Bookmark.LONGEST));
            all.add(Arguments.of(start, cycleStart, position, Duration.ofSeconds(1), total,
                Bookmark.LATEST, Duration.ZERO));
          }
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "start {0}, cycle {1}, position {2}, window {3}, total {4}, last run"
      + " {5}, gap {6}")
  @MethodSource("extremes")
  void aRollingRefreshAtTheBoundsRunsAndItsStateReadsBack(Instant start, Instant cycleStart,
      Instant position, Duration window, long total, Instant lastRun, Duration gap) {
    // The shortest refresh period makes the largest share: the products are largest.
    EngineRun run = new EngineRun().settings(settings(start, Duration.ofDays(1), true));
    String edge = "\"replication_key\": \"updatedAt\", \"replication_key_value\": \""
        + DateTimes.format(Bookmark.LATEST) + "\", \"children_refreshed_at\": \""
        + DateTimes.format(Bookmark.EARLIEST) + "\"";
    TapState state = EngineRun.state("{\"bookmarks\": {\"opportunities\": {" + edge + "},"
        + " \"opportunity_offers\": {" + edge + ", \"rolling_refresh\": {\"cycle_start\": \""
        + DateTimes.format(cycleStart) + "\", \"position\": \"" + DateTimes.format(position)
        + "\", \"window_seconds\": " + window.toSeconds() + ", \"done\": " + Bookmark.MOST
        + ", \"total\": " + total + ", \"last_run\": \"" + DateTimes.format(lastRun)
        + "\", \"gap_seconds\": " + gap.toSeconds() + "}}}}");

    TapState end = run.run(state, "opportunities", "opportunity_offers");

    assertEquals(end.toJson(), EngineRun.state(end.toJson().toString()).toJson());
    assertTrue(end.bookmark("opportunity_offers").rolling().isPresent());
  }

  static Stream<Arguments> windows() {
    List<Arguments> all = new ArrayList<>();
    for (Instant start : List.of(Bookmark.EARLIEST, EngineRun.START_DATE)) {
      for (Instant edge : INSTANTS) {
        for (boolean rolling : new boolean[] {true, false}) {
          all.add(Arguments.of(start, edge, rolling));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "start {0}, every instant {1}, rolling {2}")
  @MethodSource("windows")
  void aWindowInProgressAtTheBoundsRunsAndItsStateReadsBack(Instant start, Instant edge,
      boolean rolling) {
    EngineRun run = new EngineRun().settings(settings(start, MOST_DAYS, rolling));
    String at = DateTimes.format(edge);
    String mark = "\"replication_key\": \"updatedAt\", \"replication_key_value\": \"" + at
        + "\", \"children_refreshed_at\": \"" + at + "\"";
    TapState state = EngineRun.state("{\"bookmarks\": {\"opportunities\": {" + mark
        + ", \"progress\": {\"window_start\": \"" + at + "\", \"window_end\": \"" + at
        + "\", \"max_seen\": \"" + at + "\", \"offset\": \"" + "t".repeat(Bookmark.LONGEST_TOKEN - 2) + "#0"
        + "\"}}, \"opportunity_offers\": {" + mark + "}, \"deleted_postings\": {" + mark
        + ", \"progress\": {\"window_start\": \"" + at + "\", \"window_end\": \"" + at
        + "\"}}}}");

    TapState end = run.run(state, "opportunities", "opportunity_offers", "deleted_postings");

    assertEquals(end.toJson(), EngineRun.state(end.toJson().toString()).toJson());
  }
}
