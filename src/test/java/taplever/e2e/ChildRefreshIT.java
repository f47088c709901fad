package taplever.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
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

  private Path config(FakeLever lever, String settings) {
    return new TempFiles(dir).write("config.json", "{\"base_url\": \"" + lever.baseUrl() + "\","
        + " \"api_key\": \"fake-api-key\", \"start_date\": \"2000-01-01T00:00:00Z\","
        + " \"requests_per_second\": 1000, \"burst\": 1000, " + settings + "}");
  }

  private TapRun day(FakeLever lever, int day, JsonNode state, OutputStream stdout) {
    return day(lever, day, state, stdout, "\"child_full_refresh_days\": " + PERIOD_DAYS);
  }

  /** A run on simulated day {@code day}; {@code settings}: more config keys. */
  private TapRun day(FakeLever lever, int day, JsonNode state, OutputStream stdout,
      String settings) {
    Instant at = DAY0.plus(Duration.ofDays(day));
    clock.set(at);
    TempFiles files = new TempFiles(dir);
    Path catalog = files.write("catalog.json", Catalogs.selecting("opportunities", "opportunity_offers"));
    List<String> args = new java.util.ArrayList<>(List.of("--config",
        config(lever, settings).toString(), "--catalog", catalog.toString()));
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
    // Pages of five: the day-1 slice (about a third of the archived parents) spans several
    // pages, and its position is saved after each.
    String settings = "\"child_full_refresh_days\": " + PERIOD_DAYS + ", \"page_size\": 5";
    fake = start();
    TapRun first = day(fake, 0, null, null, settings);
    assertEquals(0, first.exitCode(), first::toString);
    // The slice, as an uninterrupted day-1 run reads it: the archived parents whose offers it
    // reads, but for those its window read (the fake's data ends in October: none was archived
    // in the last week).
    int before = fake.requestLog().size();
    TapRun whole = day(fake, 1, first.lastState(), null, settings);
    assertEquals(0, whole.exitCode(), whole::toString);
    Set<String> slice = new TreeSet<>(parentsRead(fake.requestLog().subList(before,
        fake.requestLog().size())));
    slice.retainAll(fake.dataset().archivedOpportunityIds());
    whole.records("opportunities").forEach(o -> slice.remove(o.get("id").asText()));
    Set<String> sliceWithOffers = slice.stream().filter(p -> !fake.dataset().offerIds(p).isEmpty())
        .collect(Collectors.toCollection(TreeSet::new));
    assertTrue(sliceWithOffers.size() >= 2, "a slice with offers to lose: " + slice);

    // A target that goes away right after the first STATE saved inside the slice.
    CuttingStdout stdout = new CuttingStdout(line -> line.contains("\"type\":\"STATE\"")
        && line.contains("\"rolling_refresh\"") && !line.contains("\"done\":0,"));
    TapRun interrupted = day(fake, 1, first.lastState(), stdout, settings);
    assertEquals(1, interrupted.exitCode(), interrupted::toString);
    assertTrue(interrupted.stderr().contains("the Singer target stopped reading"),
        interrupted::toString);
    JsonNode saved = stdout.lastState();
    JsonNode rolling = saved.at("/bookmarks/opportunity_offers/rolling_refresh");
    assertTrue(rolling.has("offset") && rolling.get("done").asLong() > 0
        && rolling.get("done").asLong() < slice.size(), "saved inside the slice: " + rolling);
    Set<String> lost = new TreeSet<>(sliceWithOffers);
    lost.removeAll(stdout.offerParentsBeforeLastState());
    assertFalse(lost.isEmpty(), "the interrupted run delivered the whole slice");

    before = fake.requestLog().size();
    TapRun resumed = day(fake, 1, saved, null, settings);
    assertEquals(0, resumed.exitCode(), resumed::toString);

    Set<String> delivered = new TreeSet<>(stdout.offerParentsBeforeLastState());
    resumed.records("opportunity_offers")
        .forEach(r -> delivered.add(r.get("opportunityId").asText()));
    Set<String> missing = new TreeSet<>(sliceWithOffers);
    missing.removeAll(delivered);
    assertEquals(Set.of(), missing, "every parent of the slice has its offers delivered");
    Set<String> readAgain = new TreeSet<>(stdout.offerParentsBeforeLastState());
    readAgain.retainAll(slice);
    readAgain.retainAll(parentsRead(fake.requestLog().subList(before, fake.requestLog().size())));
    assertEquals(Set.of(), readAgain, "the resumed run starts where the interrupted one stopped");
  }

  /** Opportunities whose offers a run asked for. */
  private static Set<String> parentsRead(List<String> log) {
    return log.stream().filter(l -> l.contains("/offers"))
        .map(l -> l.replaceAll(".*/opportunities/([^/]+)/offers.*", "$1"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> offersAsked(List<String> log) {
    return log.stream().filter(l -> l.contains("/offers")).map(l -> l.replaceAll("\\?.*", ""))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * A stdout whose reader goes away, as a dying target would, right after the first line that
   * {@code last} accepts: every later write fails.
   */
  private static final class CuttingStdout extends OutputStream {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Predicate<String> last;
    private final List<String> kept = new ArrayList<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean gone;

    CuttingStdout(Predicate<String> last) {
      this.last = last;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      for (int i = off; i < off + len; i++) {
        if (gone) {
          throw new IOException("Broken pipe");
        }
        if (b[i] == '\n') {
          String text = line.toString(StandardCharsets.UTF_8);
          line.reset();
          kept.add(text);
          gone = last.test(text);
        } else {
          line.write(b[i]);
        }
      }
    }

    private synchronized List<JsonNode> messages() throws IOException {
      List<JsonNode> out = new ArrayList<>();
      for (String text : kept) {
        out.add(JSON.readTree(text));
      }
      return out;
    }

    JsonNode lastState() throws IOException {
      List<JsonNode> all = messages();
      for (int i = all.size() - 1; i >= 0; i--) {
        if (all.get(i).path("type").asText().equals("STATE")) {
          return all.get(i).get("value");
        }
      }
      throw new AssertionError("no STATE delivered");
    }

    /** The opportunities whose offers reached the target before the last STATE it kept. */
    Set<String> offerParentsBeforeLastState() throws IOException {
      List<JsonNode> all = messages();
      int end = all.size();
      while (end > 0 && !all.get(end - 1).path("type").asText().equals("STATE")) {
        end--;
      }
      return all.subList(0, end).stream()
          .filter(m -> m.path("type").asText().equals("RECORD")
              && m.path("stream").asText().equals("opportunity_offers"))
          .map(m -> m.at("/record/opportunityId").asText())
          .collect(Collectors.toCollection(TreeSet::new));
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
