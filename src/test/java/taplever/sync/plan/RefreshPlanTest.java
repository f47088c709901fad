package taplever.sync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import taplever.singer.Bookmark;
import taplever.sync.EngineRun;

/** The rolling cycle's arithmetic at the bounds of what a state and a config may hold. */
class RefreshPlanTest {
  private static final Instant NOW = EngineRun.NOW;
  private static final Duration DAY = Duration.ofDays(1);

  @Test
  void aCycleFromAStartDateLongBeforeTheStatesEarliestInstantSaturates() {
    // The config refuses only a start_date in the future: -999999999-01-01 is read as given.
    Instant start = Instant.parse("-999999999-01-01T00:00:00Z");

    Bookmark.Rolling fresh = RefreshPlan.freshCycle(NOW, start, 10, DAY);

    assertEquals(Bookmark.LONGEST, fresh.window());
    assertEquals(Bookmark.LONGEST, RefreshPlan.nextCycle(fresh, start, NOW, DAY).window());
  }

  @Test
  void aCycleOverEveryInstantAStateMayHoldIsAsWideAsAStateMayHold() {
    Bookmark.Rolling fresh = RefreshPlan.freshCycle(Bookmark.LATEST, Bookmark.EARLIEST,
        Bookmark.MOST, DAY);
    Bookmark.Rolling gapped = new Bookmark.Rolling(Bookmark.EARLIEST, Bookmark.EARLIEST,
        Bookmark.LONGEST, Optional.empty(), Bookmark.MOST, Bookmark.MOST, Bookmark.EARLIEST,
        Bookmark.LONGEST);

    assertEquals(Bookmark.LONGEST, fresh.window());
    assertEquals(Bookmark.MOST, fresh.total());
    Bookmark.Rolling next = RefreshPlan.nextCycle(gapped, Bookmark.EARLIEST, Bookmark.LATEST, DAY);
    assertEquals(Bookmark.LONGEST, next.window());
    assertEquals(Bookmark.MOST, next.total());
    assertEquals(Bookmark.LATEST, next.lastRun());
  }

  @Test
  void anOrdinaryCycleIsSizedAsBefore() {
    // 1.25 × 6 years × one day / 30 days, in milliseconds.
    Instant start = Instant.parse("2020-01-01T00:00:00Z");
    long expected = (long) (1.25 * Duration.between(start, NOW).toMillis() / 30);

    assertEquals(Duration.ofSeconds(expected / 1000),
        RefreshPlan.freshCycle(NOW, start, 10, Duration.ofDays(30)).window());
    assertEquals(RefreshPlan.MIN_WINDOW,
        RefreshPlan.freshCycle(NOW, NOW.minus(DAY), 10, Duration.ofDays(30)).window());
  }
}
