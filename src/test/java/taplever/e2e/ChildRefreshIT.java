package taplever.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import taplever.fake.FakeLever;
import taplever.fake.FakeLeverOptions;
import taplever.testing.Catalogs;
import taplever.testing.FakeRuntime;
import taplever.testing.SteppedClock;
import taplever.testing.TapRun;
import taplever.testing.TempFiles;

/**
 * The rolling child refresh against the fake Lever over simulated days: an offer that changes
 * status without touching its opportunity (Lever's behaviour) arrives the next run when the
 * opportunity is live, within child_full_refresh_days when it is archived, and a run interrupted
 * in the middle of its slice loses nothing.
 */
class ChildRefreshIT {
  private static final Instant DAY0 = Instant.parse("2026-11-23T02:00:00Z");
  private static final int PERIOD_DAYS = 4;

  @TempDir
  Path dir;
  private final SteppedClock clock = new SteppedClock(DAY0);
  private FakeLever fake;

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.close();
    }
  }

  private FakeLever start() {
    try {
      return FakeLever.start(FakeLeverOptions.defaults().withOpportunities(90).withRateLimit(false)
        .withLiveShare(0.3).withClock(clock));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Path config(FakeLever lever, String refresh) {
    return new TempFiles(dir).write("config.json", "{\"base_url\": \"" + lever.baseUrl() + "\","
        + " \"api_key\": \"fake-api-key\", \"start_date\": \"2000-01-01T00:00:00Z\","
        + " \"requests_per_second\": 1000, \"burst\": 1000, " + refresh + "}");
  }

  private TapRun day(FakeLever lever, int day, JsonNode state, OutputStream stdout) {
    return day(lever, day, state, stdout, "\"child_full_refresh_days\": " + PERIOD_DAYS);
  }

  /** A run on simulated day {@code day}; {@code refresh}: the config's child refresh keys. */
  private TapRun day(FakeLever lever, int day, JsonNode state, OutputStream stdout,
      String refresh) {
    Instant at = DAY0.plus(Duration.ofDays(day));
    clock.set(at);
    TempFiles files = new TempFiles(dir);
    Path catalog = files.write("catalog.json", Catalogs.selecting("opportunities", "opportunity_offers"));
    List<String> args = new java.util.ArrayList<>(List.of("--config",
        config(lever, refresh).toString(), "--catalog", catalog.toString()));
    if (state != null) {
      args.addAll(List.of("--state", files.write("state-" + day + ".json", state.toString()).toString()));
    }
    TapRun.Setup setup = TapRun.Setup.defaults().time(new FakeRuntime(at));
    if (stdout != null) {
      setup = setup.stdout(stdout);
    }
    return setup.run(args.toArray(String[]::new));
  }

  private static boolean delivered(TapRun run, String offerId, String status) {
    return run.records("opportunity_offers").stream().anyMatch(r ->
        r.get("id").asText().equals(offerId) && r.get("status").asText().equals(status));
  }

  private String offerOf(List<String> opportunities) {
    for (String o : opportunities) {
      List<String> offers = fake.dataset().offerIds(o);
      if (!offers.isEmpty()) {
        return offers.get(0);
      }
    }
    throw new AssertionError("the fake has no offer there");
  }

  @Test
  void aSilentEditOnALiveOpportunityArrivesTheNextRunAndOnAnArchivedOneWithinThePeriod() {
    fake = start();
    TapRun first = day(fake, 0, null, null);
    assertEquals(0, first.exitCode(), first::toString);
    String live = offerOf(fake.dataset().liveOpportunityIds());
    String archived = offerOf(fake.dataset().archivedOpportunityIds());
    clock.set(DAY0.plus(Duration.ofHours(6)));
    fake.dataset().changeOfferStatus(live, "signed");
    fake.dataset().changeOfferStatus(archived, "signed");

    TapRun next = day(fake, 1, first.lastState(), null);

    assertEquals(0, next.exitCode(), next::toString);
    assertTrue(delivered(next, live, "signed"), "a live opportunity's offer, the next run");
    assertTrue(next.stderr().contains("for live parents"), next::toString);
    int arrived = delivered(next, archived, "signed") ? 1 : -1;
    JsonNode state = next.lastState();
    for (int d = 2; d <= PERIOD_DAYS && arrived < 0; d++) {
      TapRun run = day(fake, d, state, null);
      assertEquals(0, run.exitCode(), run::toString);
      if (delivered(run, archived, "signed")) {
        arrived = d;
      }
      state = run.lastState();
    }
    assertTrue(arrived > 0 && arrived <= PERIOD_DAYS,
        "an archived opportunity's offer within child_full_refresh_days: day " + arrived);
  }

  @Test
  void aRunStoppedInTheMiddleOfItsSliceIsResumedWithoutSkippingAParent() throws Exception {
    // What an uninterrupted day-1 run reads in its rolling slice...
    fake = start();
    TapRun first = day(fake, 0, null, null);
    int before = fake.requestLog().size();
    TapRun whole = day(fake, 1, first.lastState(), null);
    assertEquals(0, whole.exitCode(), whole::toString);
    Set<String> wanted = offersAsked(fake.requestLog().subList(before, fake.requestLog().size()));
    long rollingStates = whole.states().stream()
        .filter(s -> s.at("/bookmarks/opportunity_offers/rolling_refresh/done").asLong() > 0).count();
    assertTrue(rollingStates >= 2, "the slice spans pages: " + rollingStates);
    fake.close();

    // ...is read by a run that dies half-way through its slice and the run after it.
    fake = start();
    TapRun again = day(fake, 0, null, null);
    assertEquals(first.lastState(), again.lastState(), "the fake is deterministic");
    int from = fake.requestLog().size();
    int lines = whole.stdout().split("\n").length;
    int cut = firstRollingState(whole) + 3;
    assertTrue(cut < lines, "the cut falls inside the run");
    CuttingStdout stdout = new CuttingStdout(cut);
    TapRun interrupted = day(fake, 1, first.lastState(), stdout);
    assertEquals(1, interrupted.exitCode(), interrupted::toString);
    JsonNode lastDelivered = stdout.lastState();
    assertTrue(lastDelivered.at("/bookmarks/opportunity_offers/rolling_refresh/done").asLong() > 0,
        "it stopped inside the slice: " + lastDelivered);
    TapRun resumed = day(fake, 1, lastDelivered, null);
    assertEquals(0, resumed.exitCode(), resumed::toString);
    Set<String> got = offersAsked(fake.requestLog().subList(from, fake.requestLog().size()));
    Set<String> missing = new TreeSet<>(wanted);
    missing.removeAll(got);
    assertEquals(Set.of(), missing, "every parent the slice should read was read");
  }

  private static int firstRollingState(TapRun run) {
    String[] lines = run.stdout().split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("\"rolling_refresh\"") && lines[i].contains("\"type\":\"STATE\"")
          && !lines[i].contains("\"done\":0")) {
        return i;
      }
    }
    throw new AssertionError("no rolling STATE");
  }

  private static Set<String> offersAsked(List<String> log) {
    return log.stream().filter(l -> l.contains("/offers")).map(l -> l.replaceAll("\\?.*", ""))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** A stdout whose reader goes away after a number of lines, as a dying target would. */
  private static final class CuttingStdout extends OutputStream {
    private final int lines;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private int seen;

    CuttingStdout(int lines) {
      this.lines = lines;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      for (int i = off; i < off + len; i++) {
        if (seen >= lines) {
          throw new IOException("Broken pipe");
        }
        kept.write(b[i]);
        if (b[i] == '\n') {
          seen++;
        }
      }
    }

    JsonNode lastState() throws IOException {
      String[] all = kept.toString(StandardCharsets.UTF_8).split("\n");
      com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
      for (int i = all.length - 1; i >= 0; i--) {
        JsonNode m = json.readTree(all[i]);
        if (m.path("type").asText().equals("STATE")) {
          return m.get("value");
        }
      }
      throw new AssertionError("no STATE delivered");
    }
  }

  @Test
  void periodicModeStillReadsEveryParentWhenThePeriodIsOver() {
    fake = start();
    String periodic = "\"child_refresh\": \"periodic\", \"child_full_refresh_days\": 2";
    TapRun first = day(fake, 0, null, null, periodic);
    assertEquals(0, first.exitCode(), first::toString);
    String live = offerOf(fake.dataset().liveOpportunityIds());
    String archived = offerOf(fake.dataset().archivedOpportunityIds());
    clock.set(DAY0.plus(Duration.ofHours(6)));
    fake.dataset().changeOfferStatus(live, "signed");
    fake.dataset().changeOfferStatus(archived, "signed");

    int before = fake.requestLog().size();
    TapRun inside = day(fake, 1, first.lastState(), null, periodic);
    List<String> insideRequests = fake.requestLog().subList(before, fake.requestLog().size());
    before = fake.requestLog().size();
    TapRun over = day(fake, 3, inside.lastState(), null, periodic);
    List<String> overRequests = fake.requestLog().subList(before, fake.requestLog().size());

    assertEquals(0, inside.exitCode(), inside::toString);
    assertFalse(delivered(inside, live, "signed"), "inside the period: no live list");
    assertFalse(delivered(inside, archived, "signed"), "inside the period: no archived slice");
    assertTrue(insideRequests.stream().noneMatch(l -> l.contains("archived=")),
        insideRequests::toString);
    assertEquals(0, over.exitCode(), over::toString);
    assertTrue(delivered(over, live, "signed"), "the live offer, once the period is over");
    assertTrue(delivered(over, archived, "signed"), "the archived offer, once the period is over");
    assertTrue(overRequests.stream().noneMatch(l -> l.contains("archived=")),
        overRequests::toString);
    Set<String> everyParent = fake.dataset().opportunityIds().stream()
        .map(id -> "GET /v1/opportunities/" + id + "/offers").collect(Collectors.toSet());
    assertEquals(everyParent, offersAsked(overRequests), "every parent's offers, read again");
  }
}
