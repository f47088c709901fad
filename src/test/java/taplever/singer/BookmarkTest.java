package taplever.singer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import taplever.error.InputException;

/** Every value of a bookmark is range-checked when the state is read. */
class BookmarkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STREAM = "opportunity_offers";
  private static final String ROLLING = "'" + STREAM + " rolling_refresh'";
  private static final String LATEST = "9999-12-31T23:59:59.999Z";
  private static final String EARLIEST = "0000-01-01T00:00:00.000Z";
  private static final long LONGEST = Bookmark.LONGEST.toSeconds();

  /** A bookmark holding every key, each in range, as this tap writes it. */
  private static ObjectNode full() {
    return (ObjectNode) json("{\"replication_key\": \"updatedAt\","
        + " \"replication_key_value\": \"2026-01-01T00:00:00.000Z\", \"children_refreshed_at\":"
        + " \"2026-01-01T00:00:00.000Z\", \"keyless_pending\": true, \"progress\": {"
        + "\"window_start\": \"2025-12-01T00:00:00.000Z\", \"window_end\":"
        + " \"2026-01-01T00:00:00.000Z\", \"offset\": \"tok\", \"max_seen\":"
        + " \"2025-12-31T00:00:00.000Z\", \"streams\": [\"opportunity_offers\"], \"full_pass\": []},"
        + " \"rolling_refresh\": {\"cycle_start\": \"2026-01-01T00:00:00.000Z\", \"position\":"
        + " \"2025-06-01T00:00:00.000Z\", \"window_seconds\": 86400, \"offset\": \"tok\", \"done\": 5,"
        + " \"total\": 9, \"last_run\": \"2026-01-01T00:00:00.000Z\", \"gap_seconds\": 86400}}");
  }

  private static JsonNode with(String path, Object value) {
    ObjectNode node = full();
    String[] parts = path.split("\\.");
    ObjectNode at = parts.length == 1 ? node : (ObjectNode) node.get(parts[0]);
    at.set(parts[parts.length - 1], JSON.valueToTree(value));
    return node;
  }

  private static Bookmark parse(JsonNode node) {
    return Bookmark.parse(STREAM, node);
  }

  static Stream<Arguments> outOfRange() {
    String top = "of '" + STREAM + "'";
    String big = "x".repeat(Bookmark.LONGEST_TOKEN + 1);
    return Stream.of(
        Arguments.of("replication_key_value", "+10000-01-01T00:00:00Z", "'replication_key_value' " + top),
        Arguments.of("replication_key_value", "-0001-12-31T23:59:59Z", "'replication_key_value' " + top),
        Arguments.of("replication_key_value", 253_402_300_800_000L, "'replication_key_value' " + top),
        Arguments.of("replication_key_value", -62_167_219_200_001L, "'replication_key_value' " + top),
        Arguments.of("replication_key_value", new java.math.BigInteger("18446744073709551616"),
            "'replication_key_value' " + top),
        Arguments.of("replication_key_value", 1.7e12, "'replication_key_value' " + top),
        Arguments.of("children_refreshed_at", "+999999999-12-31T23:59:59Z",
            "'children_refreshed_at' " + top),
        Arguments.of("keyless_pending", "true", "'keyless_pending' " + top),
        Arguments.of("keyless_pending", 1, "'keyless_pending' " + top),
        Arguments.of("progress.window_start", "-999999999-01-01T00:00:00Z", "'progress.window_start' " + top),
        Arguments.of("progress.window_end", "+999999999-12-31T23:59:59Z", "'progress.window_end' " + top),
        Arguments.of("progress.max_seen", Long.MAX_VALUE, "'progress.max_seen' " + top),
        Arguments.of("progress.offset", big, "'progress.offset' " + top),
        Arguments.of("rolling_refresh.cycle_start", "+999999999-12-31T23:59:59Z", "'cycle_start' of " + ROLLING),
        Arguments.of("rolling_refresh.cycle_start", "-999999999-01-01T00:00:00Z", "'cycle_start' of " + ROLLING),
        Arguments.of("rolling_refresh.position", "+999999999-12-31T23:59:59Z", "'position' of " + ROLLING),
        Arguments.of("rolling_refresh.last_run", "+10000-01-01T00:00:00Z", "'last_run' of " + ROLLING),
        Arguments.of("rolling_refresh.window_seconds", Long.MAX_VALUE, "'window_seconds' of " + ROLLING),
        Arguments.of("rolling_refresh.window_seconds", 1e30, "'window_seconds' of " + ROLLING),
        Arguments.of("rolling_refresh.window_seconds", LONGEST + 1, "'window_seconds' of " + ROLLING),
        Arguments.of("rolling_refresh.window_seconds", 0, "'window_seconds' of " + ROLLING),
        Arguments.of("rolling_refresh.window_seconds", 1.5, "'window_seconds' of " + ROLLING),
        Arguments.of("rolling_refresh.window_seconds", "60", "'window_seconds' of " + ROLLING),
        Arguments.of("rolling_refresh.gap_seconds", LONGEST + 1, "'gap_seconds' of " + ROLLING),
        Arguments.of("rolling_refresh.gap_seconds", -1, "'gap_seconds' of " + ROLLING),
        Arguments.of("rolling_refresh.done", Bookmark.MOST + 1, "'done' of " + ROLLING),
        Arguments.of("rolling_refresh.done", -1, "'done' of " + ROLLING),
        Arguments.of("rolling_refresh.total", 1e30, "'total' of " + ROLLING),
        Arguments.of("rolling_refresh.total", Bookmark.MOST + 1, "'total' of " + ROLLING),
        Arguments.of("rolling_refresh.offset", big, "'offset' of " + ROLLING));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("outOfRange")
  void aValueOutOfRangeIsRefusedNamingTheStreamAndTheKey(String path, Object value,
      String expected) {
    InputException e = assertThrows(InputException.class, () -> parse(with(path, value)));

    assertTrue(e.getMessage().contains(expected), e::getMessage);
    assertTrue(e.getMessage().length() < 300, "the value is cut short: " + e.getMessage().length());
  }

  @Test
  void theBoundsThemselvesAreAccepted() {
    String token = "t".repeat(Bookmark.LONGEST_TOKEN);
    ObjectNode node = full();
    node.put("replication_key_value", LATEST);
    node.put("children_refreshed_at", EARLIEST);
    ObjectNode p = (ObjectNode) node.get("progress");
    p.put("window_start", EARLIEST);
    p.put("window_end", LATEST);
    p.put("max_seen", LATEST);
    p.put("offset", token);
    ObjectNode r = (ObjectNode) node.get("rolling_refresh");
    r.put("cycle_start", LATEST);
    r.put("position", EARLIEST);
    r.put("last_run", LATEST);
    r.put("window_seconds", LONGEST);
    r.put("gap_seconds", LONGEST);
    r.put("done", Bookmark.MOST);
    r.put("total", Bookmark.MOST);
    r.put("offset", token);

    Bookmark b = parse(node);

    assertEquals(Bookmark.LATEST, b.value().get());
    assertEquals(Bookmark.EARLIEST, b.childrenRefreshedAt().get());
    assertEquals(Optional.of(token), b.progress().get().offset());
    Bookmark.Rolling rolling = b.rolling().get();
    assertEquals(Bookmark.LONGEST, rolling.window());
    assertEquals(Bookmark.LONGEST, rolling.gap());
    assertEquals(Bookmark.MOST, rolling.done());
    assertEquals(Optional.of(token), rolling.offset());
    assertEquals(b, parse(b.toJson()), "what is written at the bounds reads back");
  }

  @Test
  void epochMillisecondBookmarksAreAcceptedAtTheBounds() {
    assertEquals(Bookmark.EARLIEST, parse(with("replication_key_value",
        Bookmark.EARLIEST.toEpochMilli())).value().get());
    assertEquals(Bookmark.LATEST, parse(with("replication_key_value",
        Bookmark.LATEST.toEpochMilli())).value().get());
  }

  @Test
  void anotherTapsBookmarkStillReadsWithItsKeylessRecordsPending() {
    Bookmark stitch = parse(json("{\"field\": \"updatedAt\", \"last_record\": \"2024-01-01T00:00:00Z\"}"));
    Bookmark millis = parse(json("{\"replication_key_value\": 1704067200000}"));

    assertEquals(Optional.of("updatedAt"), stitch.replicationKey());
    assertEquals(Instant.parse("2024-01-01T00:00:00Z"), stitch.value().get());
    assertTrue(stitch.keylessPending());
    assertEquals(stitch.value(), millis.value());
    assertTrue(millis.keylessPending());
  }

  @Test
  void aRollingRefreshWithoutAGapStillReads() {
    ObjectNode node = full();
    ((ObjectNode) node.get("rolling_refresh")).remove("gap_seconds");

    assertEquals(Duration.ZERO, parse(node).rolling().get().gap());
  }

  @Test
  void aMissingRollingValueIsNamed() {
    ObjectNode node = full();
    ((ObjectNode) node.get("rolling_refresh")).remove("window_seconds");

    InputException e = assertThrows(InputException.class, () -> parse(node));

    assertEquals("state 'window_seconds' of " + ROLLING + " is missing", e.getMessage());
  }

  /** Whatever a run makes of a cycle in range is saved in range, so it reads back. */
  @Test
  void aRollingCycleIsHeldInRangeSoItsStateReadsBack() {
    Bookmark.Rolling edge = parse(full()).rolling().get();
    Consumer<Bookmark.Rolling> readsBack = r -> {
      Bookmark b = Bookmark.EMPTY.withRolling(Optional.of(r));
      assertEquals(b, parse(b.toJson()));
    };
    Bookmark.Rolling doubled = new Bookmark.Rolling(edge.cycleStart(), edge.position(),
        Bookmark.LONGEST.multipliedBy(2), Optional.of("t".repeat(Bookmark.LONGEST_TOKEN + 1)),
        Bookmark.MOST + 100, Long.MAX_VALUE, edge.lastRun(), Bookmark.LONGEST.plusDays(1));

    assertEquals(Bookmark.LONGEST, doubled.window());
    assertEquals(Bookmark.LONGEST, doubled.gap());
    assertEquals(Bookmark.MOST, doubled.done());
    assertEquals(Bookmark.MOST, doubled.total());
    assertEquals(Optional.empty(), doubled.offset(), "a token Lever cannot have sent is dropped");
    readsBack.accept(doubled);
    readsBack.accept(doubled.ranAt(Bookmark.LATEST));
    readsBack.accept(new Bookmark.Rolling(Bookmark.EARLIEST, Bookmark.EARLIEST, Duration.ZERO,
        Optional.empty(), 0, 0, Bookmark.EARLIEST).ranAt(Bookmark.LATEST));
  }

  @Test
  void aProgressTokenLeverCannotHaveSentIsDroppedSoTheWindowIsReadAgain() {
    Bookmark.Progress p = new Bookmark.Progress(Optional.empty(), Optional.of(Bookmark.LATEST),
        Optional.of("t".repeat(Bookmark.LONGEST_TOKEN + 1)), Optional.empty());

    assertEquals(Optional.empty(), p.offset());
    Bookmark b = Bookmark.EMPTY.withProgress(Optional.of(p));
    assertEquals(b, parse(b.toJson()));
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
