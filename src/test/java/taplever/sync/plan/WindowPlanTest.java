package taplever.sync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import taplever.catalog.Selection;
import taplever.catalog.StreamSelection;
import taplever.singer.Bookmark;
import taplever.singer.TapState;
import taplever.streams.LeverStreams;
import taplever.streams.SchemaRepository;

class WindowPlanTest {
  private static final Instant START_DATE = Instant.parse("2020-01-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");
  private static final Instant MARK = Instant.parse("2026-11-01T00:00:00Z");
  private final List<StreamSelection> defaults = new Selection(new SchemaRepository(new ObjectMapper())).defaults();

  private StreamSelection selection(String name) {
    return defaults.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private WindowPlan plan(TapState state, String... children) {
    return WindowPlan.of(LeverStreams.find("opportunities").get(), Optional.of(selection("opportunities")),
        java.util.Arrays.stream(children).map(this::selection).toList(), state,
        new WindowPlan.Settings(START_DATE, NOW, Duration.ofDays(1), Duration.ofDays(7)));
  }

  private static RecordKey key(long millis) {
    return new RecordKey(RecordKey.Kind.KEY, millis);
  }

  private static TapState marked(String stream, Instant value, Optional<Instant> refreshed) {
    Bookmark b = Bookmark.EMPTY.withValue("updatedAt", Optional.of(value));
    return TapState.empty().with(stream, refreshed.map(b::withChildrenRefreshedAt).orElse(b));
  }

  @Test
  void aFirstSyncReadsWithoutLeversFilterFromTheStartDate() {
    WindowPlan plan = plan(TapState.empty());

    assertFalse(plan.serverFilter());
    assertEquals(Optional.of(START_DATE), plan.start());
    assertEquals(NOW, plan.end());
  }

  @Test
  void aLaterSyncFiltersFromTheBookmark() {
    WindowPlan plan = plan(marked("opportunities", MARK, Optional.empty()));

    assertTrue(plan.serverFilter());
    assertEquals(Optional.of(MARK), plan.start());
  }

  @Test
  void aChildOpensTheWindowOneLookbackBeforeItsOwnBookmark() {
    TapState state = marked("opportunities", MARK, Optional.empty())
        .with("opportunity_offers", Bookmark.EMPTY.withValue("updatedAt", Optional.of(MARK))
            .withChildrenRefreshedAt(NOW.minus(Duration.ofDays(1))));

    WindowPlan plan = plan(state, "opportunity_offers");

    assertTrue(plan.serverFilter());
    assertEquals(Optional.of(MARK.minus(Duration.ofDays(1))), plan.start());
    assertTrue(plan.parent().get().wants(key(MARK.toEpochMilli())));
    assertFalse(plan.parent().get().wants(key(MARK.toEpochMilli() - 1)), "the parent is not re-emitted in the lookback");
  }

  @Test
  void aDueFullRefreshReadsEveryParentAgainForThatChildOnly() {
    TapState state = marked("opportunities", MARK, Optional.empty())
        .with("opportunity_offers", Bookmark.EMPTY.withValue("updatedAt", Optional.of(MARK))
            .withChildrenRefreshedAt(NOW.minus(Duration.ofDays(8))));

    WindowPlan plan = plan(state, "opportunity_offers");

    assertFalse(plan.serverFilter(), "opportunities without updatedAt must be seen too");
    assertTrue(plan.children().get(0).fullPass());
    assertEquals(START_DATE, plan.children().get(0).lowerBound());
    assertEquals(MARK, plan.parent().get().lowerBound());
  }

  @Test
  void aResumedWindowIsKeptOnlyWhenItStillCoversTheRun() {
    WindowPlan plan = plan(marked("opportunities", MARK, Optional.empty()));
    Bookmark.Progress covering = new Bookmark.Progress(Optional.of(MARK.minusSeconds(1)),
        Optional.of(NOW.minusSeconds(60)), Optional.of("t"), Optional.empty());
    Bookmark.Progress narrower = new Bookmark.Progress(Optional.of(MARK.plusSeconds(1)),
        Optional.of(NOW.minusSeconds(60)), Optional.of("t"), Optional.empty());

    assertTrue(plan.canResume(covering));
    assertFalse(plan.canResume(narrower));
    assertEquals(NOW.minusSeconds(60), plan.resumedFrom(covering).end());
  }
}
