package taplever.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import taplever.cli.CommandEnvironment;
import taplever.cli.TapLeverCommand;
import taplever.config.Environment;
import taplever.config.FileWrites;
import taplever.fake.FakeLever;
import taplever.fake.FakeLeverOptions;
import taplever.testing.SteppedClock;

/**
 * One policy through a simulated month: a fake Lever on a clock that moves a day at a time, the
 * day's edits, then the tap in this JVM through its CLI on the same simulated time, its last STATE
 * carried to the next day. Day 0 is the first full sync; days 1..N are the daily runs.
 */
final class MonthSimulation {
  /**
   * What the month is made of.
   *
   * @param paused days whose edits happen but whose run does not (a pipeline paused for a while)
   */
  record Setup(int opportunities, double liveShare, int days, long seed, Instant firstRun,
      Set<Integer> paused) {
    Setup {
      paused = Set.copyOf(paused);
    }
  }

  /** One run. {@code edits} is empty on day 0. */
  record Run(int day, Optional<DailyEdits.Day> edits, int exit, RequestTally.Counts requests,
      Optional<ChildSplit> split, long records, long bytes, long offers, long arrivedLive,
      long arrivedArchived, String state, List<String> warnings, double realSeconds) {
    long stateBytes() {
      return state.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Seconds at Lever's 10 requests per second. */
    double leverSeconds() {
      return requests.total() / 10.0;
    }
  }

  /** The month of one policy. */
  record Month(RefreshPolicy policy, Setup setup, List<Run> runs,
      List<ArrivalLedger.Arrival> arrived, List<ArrivalLedger.SilentEdit> pending,
      long maxHeapBytes, long liveHeapBytes) {}

  // A day's edits happen between the previous run and an hour before this one.
  private static final Duration QUIET_BEFORE_RUN = Duration.ofHours(1);
  private static final String API_KEY = FakeLeverOptions.defaults().apiKey();
  private static final int STDERR_TAIL = 256 * 1024;

  private final Setup setup;
  private final Path dir;

  MonthSimulation(Setup setup, Path dir) {
    this.setup = setup;
    this.dir = dir;
  }

  Month run(RefreshPolicy policy, Consumer<Run> eachRun) throws IOException {
    SteppedClock clock = new SteppedClock(setup.firstRun());
    ArrivalLedger ledger = new ArrivalLedger();
    List<Run> runs = new ArrayList<>();
    try (FakeLever lever = FakeLever.start(FakeLeverOptions.defaults()
        .withSeed(setup.seed()).withOpportunities(setup.opportunities())
        .withLiveShare(setup.liveShare()).withRateLimit(false).withClock(clock))) {
      Path config = Files.writeString(dir.resolve(policy.name() + "-config.json"),
          "{\"base_url\": \"" + lever.baseUrl() + "\", \"api_key\": \"" + API_KEY + "\","
          + " \"start_date\": \"2018-01-01T00:00:00Z\","
          // Lever's limit is accounted for as requests / 10; the tap's own limiter stays out of it.
          + " \"requests_per_second\": 1000, \"burst\": 1000, " + policy.configKeys() + "}");
      Path state = dir.resolve(policy.name() + "-state.json");
      DailyEdits edits = new DailyEdits(lever.dataset(), clock,
          new OfferLookup(lever.baseUrl(), API_KEY),
          DailyEdits.Workload.scaledTo(setup.opportunities()), ledger, new Random(setup.seed()));
      for (int day = 0; day <= setup.days(); day++) {
        Instant runAt = setup.firstRun().plus(Duration.ofDays(day));
        Optional<DailyEdits.Day> made = Optional.empty();
        if (day > 0) {
          made = Optional.of(edits.apply(day, runAt.minus(Duration.ofDays(1)),
              runAt.minus(QUIET_BEFORE_RUN)));
        }
        if (setup.paused().contains(day)) {
          continue;
        }
        clock.set(runAt);
        Run run = tap(lever, config, state, day, runAt, made, ledger);
        runs.add(run);
        eachRun.accept(run);
      }
      long live = liveHeap(); // while the fake still holds its month of edits
      return new Month(policy, setup, runs, ledger.arrived(), ledger.pending(),
          Runtime.getRuntime().maxMemory(), live);
    }
  }

  private Run tap(FakeLever lever, Path config, Path state, int day, Instant runAt,
      Optional<DailyEdits.Day> made, ArrivalLedger ledger) throws IOException {
    ledger.startRun(day);
    SingerScanner out = new SingerScanner("opportunity_offers", ledger::offer);
    StderrTail err = new StderrTail(STDERR_TAIL);
    CommandEnvironment env = new CommandEnvironment(out, new PrintWriter(err, true),
        new SimulatedTime(runAt), Environment.of(Map.of()), FileWrites.system(),
        CommandEnvironment::schemasFromJar);
    List<String> args = new ArrayList<>(List.of("--log-level", "info", "--config",
        config.toString()));
    if (Files.exists(state)) {
      args.addAll(List.of("--state", state.toString()));
    }
    long started = System.nanoTime();
    int exit;
    RequestTally.Counts counts;
    try (RequestTally tally = new RequestTally(lever::requestLog, lever::requestCount)) {
      exit = TapLeverCommand.commandLine(env).execute(args.toArray(String[]::new));
      counts = tally.finish();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    String stderr = err.toString();
    if (exit != 0) {
      throw new IllegalStateException("day " + day + ": the tap exited " + exit + "\n"
          + stderr.substring(Math.max(0, stderr.length() - 4000)));
    }
    if (out.records() == 0) {
      throw new IllegalStateException("day " + day + ": no RECORD line recognised in "
          + out.bytes() + " bytes of output; has the Singer line layout changed?");
    }
    String json = out.lastState().map(Object::toString).orElse("");
    if (!json.isEmpty()) {
      Files.writeString(state, json);
    }
    List<String> warnings = stderr.lines().filter(l -> l.contains("WARN")).toList();
    return new Run(day, made, exit, counts, ChildSplit.from(stderr), out.records(), out.bytes(),
        out.watchedRecords(), ledger.arrivedLiveToday(), ledger.arrivedArchivedToday(), json,
        warnings, seconds);
  }

  private static long liveHeap() {
    System.gc();
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}
