package taplever.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import taplever.catalog.Selection;
import taplever.catalog.StreamSelection;
import taplever.runtime.Cancellation;
import taplever.runtime.TapRuntime;
import taplever.singer.SingerWriter;
import taplever.singer.TapState;
import taplever.streams.LeverStreams;
import taplever.streams.SchemaRepository;
import taplever.sync.out.SyncStats;
import taplever.sync.records.PersonalData;
import taplever.testing.RecordingLogs;

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
  private SyncSettings settings = new SyncSettings(START_DATE, Duration.ofDays(1),
      Duration.ofDays(7), false, 4, true, PersonalData.KEEP);
  private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  public EngineRun settings(SyncSettings s) {
    settings = s;
    return this;
  }

  public SyncSettings settings() {
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
    return new SyncEngine(settings, lever, writer, runtime, cancellation, stats)
        .run(selections, input);
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
