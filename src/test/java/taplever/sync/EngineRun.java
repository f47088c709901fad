package taplever.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import taplever.catalog.Selection;
import taplever.catalog.StreamSelection;
import taplever.config.TapConfig;
import taplever.runtime.Cancellation;
import taplever.runtime.TapRuntime;
import taplever.singer.SingerWriter;
import taplever.singer.TapState;
import taplever.streams.LeverStreams;
import taplever.streams.SchemaRepository;
import taplever.sync.out.SyncStats;
import taplever.testing.RecordingLogs;
import taplever.testing.TestConfigs;

/** The engine alone, on a scripted Lever, writing into memory: runs in milliseconds. */
public final class EngineRun {
  public static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");
  public static final Instant START_DATE = Instant.parse("2020-01-01T00:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  public final ScriptedLever lever = new ScriptedLever();
  final RecordingLogs logs = new RecordingLogs();
  final Cancellation cancellation = new Cancellation();
  public final SyncStats stats = new SyncStats(System::nanoTime);
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private Function<OutputStream, OutputStream> stdout = out -> out;
  /** The config keys the engine runs by here, unless a test names others. */
  private static final String SETTINGS = "\"api_key\": \"k\", \"start_date\": \""
      + START_DATE + "\", \"child_lookback_days\": 1, \"child_full_refresh_days\": 7,"
      + " \"child_refresh\": \"periodic\", \"max_concurrency\": 4";
  private TapConfig settings = TestConfigs.parse("{" + SETTINGS + "}");
  private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  /** Config keys over this run's: {@code "\"child_refresh\": \"rolling\""}. */
  public EngineRun settings(String keys) {
    return settings(TestConfigs.parse("{" + SETTINGS + ", " + keys + "}"));
  }

  public EngineRun settings(TapConfig config) {
    settings = config;
    return this;
  }

  public TapConfig settings() {
    return settings;
  }

  public EngineRun clock(Clock c) {
    clock = c;
    return this;
  }

  /** Wraps stdout (to make it fail after a while). */
  EngineRun stdout(Function<OutputStream, OutputStream> wrap) {
    stdout = wrap;
    return this;
  }

  static List<StreamSelection> select(String... streams) {
    Selection selection = new Selection(new SchemaRepository(JSON));
    List<StreamSelection> out = new ArrayList<>();
    for (String s : streams) {
      out.add(selection.everything(LeverStreams.find(s).orElseThrow()));
    }
    return out;
  }

  public TapState run(TapState input, String... streams) {
    return run(input, select(streams));
  }

  public TapState run(TapState input, List<StreamSelection> selections) {
    SingerWriter writer = new SingerWriter(stdout.apply(bytes), JSON);
    TapRuntime runtime = new TapRuntime(clock, System::nanoTime, d -> { }, () -> 0.5, logs);
    return new SyncEngine(settings.engine(), settings.pii(), lever, writer, runtime, cancellation,
        stats).run(selections, input);
  }

  List<JsonNode> messages() {
    List<JsonNode> out = new ArrayList<>();
    for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        try {
          out.add(JSON.readTree(line));
        } catch (IOException e) {
          throw new UncheckedIOException("not one JSON message per line: " + line, e);
        }
      }
    }
    return out;
  }

  List<JsonNode> records(String stream) {
    return messages().stream().filter(m -> m.path("type").asText().equals("RECORD")
        && m.path("stream").asText().equals(stream)).map(m -> m.get("record")).toList();
  }

  public List<String> ids(String stream, String field) {
    return records(stream).stream().map(r -> r.path(field).asText()).toList();
  }

  List<JsonNode> states() {
    return messages().stream().filter(m -> m.path("type").asText().equals("STATE"))
        .map(m -> m.get("value")).toList();
  }

  /** Message kinds in order, as "SCHEMA x", "RECORD x", "STATE". */
  List<String> kinds() {
    return messages().stream().map(m -> m.get("type").asText()
        + (m.has("stream") ? " " + m.get("stream").asText() : "")).toList();
  }

  public static TapState state(String json) {
    try {
      return TapState.parse(JSON.readTree(json), LeverStreams.BY_NAME::containsKey);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
