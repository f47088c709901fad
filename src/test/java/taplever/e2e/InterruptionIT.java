package taplever.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import taplever.fake.FakeLever;
import taplever.fake.FakeLeverOptions;
import taplever.testing.Catalogs;
import taplever.testing.TempFiles;

/** The tap as a real process: SIGTERM mid-sync then a resume, and a target that goes away. */
class InterruptionIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] STREAMS = {"opportunities", "opportunity_applications", "opportunity_offers",
      "opportunity_resumes", "users"};

  @TempDir
  Path dir;
  private FakeLever fake;

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.close();
    }
  }

  private Path config() {
    return new TempFiles(dir).write("config.json", "{\"base_url\": \"" + fake.baseUrl() + "\","
        + " \"api_key\": \"fake-api-key\", \"start_date\": \"2000-01-01T00:00:00Z\", \"page_size\": 10,"
        + " \"requests_per_second\": 200, \"burst\": 20, \"max_concurrency\": 4}");
  }

  private Path catalog() {
    return new TempFiles(dir).write("catalog.json", Catalogs.selecting(STREAMS));
  }


  private static Process tap(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "taplever.cli.Main", "--log-level", "warn"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** Reads stdout lines, sending SIGTERM once {@code killAfter} RECORD lines have been read. */
  private static List<JsonNode> runAndTerminate(Process p, int killAfter) throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    int records = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        JsonNode m = JSON.readTree(line);
        lines.add(m);
        if (m.get("type").asText().equals("RECORD") && ++records == killAfter) {
          // Process.destroy() would also close our end of the pipe; its handle sends SIGTERM alone,
          // without depending on a kill binary on the machine.
          assertTrue(p.toHandle().destroy(), "SIGTERM was sent");
        }
      }
    }
    return lines;
  }

  @ParameterizedTest(name = "SIGTERM after {0} records")
  @ValueSource(ints = {1, 40, 300})
  void aTerminatedSyncResumedFromItsLastStateDeliversEverything(int killAfter) throws Exception {
    fake = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(150).withRateLimit(false).withLatencyMs(10));
    Path config = config();
    Path catalog = catalog();

    Process first = tap("--config", config.toString(), "--catalog", catalog.toString());
    List<JsonNode> firstLines = runAndTerminate(first, killAfter);
    assertTrue(first.waitFor(30, TimeUnit.SECONDS));
    assertEquals(143, first.exitValue());
    JsonNode last = firstLines.get(firstLines.size() - 1);
    assertEquals("STATE", last.get("type").asText(), "the last line is the consistent STATE");

    Path state = Files.writeString(dir.resolve("state.json"), last.get("value").toString());
    Process second = tap("--config", config.toString(), "--catalog", catalog.toString(), "--state", state.toString());
    List<JsonNode> secondLines = runAndTerminate(second, -1);
    assertTrue(second.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, second.exitValue());

    for (String stream : STREAMS) {
      Set<String> got = new HashSet<>();
      for (List<JsonNode> lines : List.of(firstLines, secondLines)) {
        lines.stream().filter(m -> m.get("type").asText().equals("RECORD") && m.get("stream").asText().equals(stream))
            .forEach(m -> got.add(GroundTruth.keyOf(stream, m.get("record"))));
      }
      assertEquals(GroundTruth.byKey(stream, fake.dataset().records(stream)).keySet(), got, stream);
    }
  }

  @Test
  void aClosedStdoutStopsTheTapWithinAPageOfWorkAndItMakesNoFurtherRequests() throws Exception {
    int opportunities = 200;
    int pageSize = 10;
    fake = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(opportunities).withRateLimit(false)
        .withLatencyMs(5));

    Process p = tap("--config", config().toString(), "--catalog", catalog().toString());
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    for (int i = 0; i < 5; i++) {
      out.readLine();
    }
    long beforeClose = fake.requestCount();
    p.getInputStream().close();

    assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the tap noticed the dead target");
    long afterClose = fake.requestCount() - beforeClose;
    // The tap finds out at its next flush (the STATE after the page it is on); by then it may have
    // finished that page, its children and the page fetched ahead. A tap that went on would make
    // about a request per opportunity per child stream for the rest of the list.
    int pageOfWork = 1 + pageSize * 2;
    assertTrue(afterClose <= 3 * pageOfWork, "requests after stdout closed: " + afterClose
        + " of the ~" + (opportunities / pageSize + opportunities * 2) + " a whole sync makes");
    assertEquals(1, p.exitValue());
  }
}
