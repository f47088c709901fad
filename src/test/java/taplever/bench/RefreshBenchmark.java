package taplever.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures, not assertions: a month of daily runs on the fake Lever with a simulated clock, for the
 * periodic child refresh (v0.1, every child every 7 days) and the rolling one (the live pipeline
 * every run, archived opportunities in slices over {@code child_full_refresh_days}), side by side.
 * Each simulated day changes a few hundred opportunities the way Lever signals (updatedAt) and
 * changes 20 offers on live and 20 on archived opportunities the way it does not; the benchmark
 * prints each run's requests (list pages, child pages, the engine's own split when it prints one)
 * and how many days each silent edit took to reach the tap's output.
 *
 * <p>Run it with the bench profile and a heap that holds the fake (about 450 MB at 100,000
 * opportunities, 520 MB after a month of edits) next to the tap:
 *
 * <pre>
 * mvn -B -Pbench test -Dtest=RefreshBenchmark -DargLine=-Xmx2g              # 100,000
 * mvn -B -Pbench test -Dtest=RefreshBenchmark -Drefresh.opportunities=5000  # a quick run
 * </pre>
 *
 * <p>System properties: {@code refresh.opportunities} (100000), {@code refresh.days} (30 daily runs
 * after the first sync), {@code refresh.policies} ("periodic,rolling"), {@code refresh.liveShare}
 * (0.07), {@code refresh.seed} (42), {@code refresh.pausedDays} (none; "10-14" makes those days'
 * edits but skips their runs, to see what the first run after a pause costs), {@code
 * refresh.verbose} (false; true prints each run's final state and warnings). Requests are
 * counted, not timed: the fake has no rate limit and "at 10/s" is requests / 10, Lever's limit
 * per API key. {@code -Dtest} chooses the class only if the bench profile names TapBenchmark
 * as a default (a profile property {@code test}), not as a literal {@code <test>} of surefire.
 */
@Tag("benchmark")
class RefreshBenchmark {
  /** After the fake's generated data (it ends 2026-10-01), at 03:00 as a nightly job runs. */
  private static final Instant FIRST_RUN = Instant.parse("2026-10-05T03:00:00Z");

  @TempDir
  Path dir;

  @Test
  void aMonthOfDailyRunsPeriodicVersusRolling() throws Exception {
    MonthSimulation.Setup setup = new MonthSimulation.Setup(
        Integer.getInteger("refresh.opportunities", 100_000),
        Double.parseDouble(System.getProperty("refresh.liveShare", "0.07")),
        Integer.getInteger("refresh.days", 30),
        Long.getLong("refresh.seed", 42L),
        FIRST_RUN,
        days(System.getProperty("refresh.pausedDays", "")));
    List<RefreshPolicy> policies = Arrays.stream(System.getProperty("refresh.policies",
        "periodic,rolling").split(",")).map(RefreshPolicy::named).toList();
    BenchReport report = new BenchReport(System.out, Boolean.getBoolean("refresh.verbose"));
    MonthSimulation simulation = new MonthSimulation(setup, dir);
    List<MonthSimulation.Month> months = new ArrayList<>();
    for (RefreshPolicy policy : policies) {
      report.header(policy, setup);
      months.add(simulation.run(policy, report::run));
    }
    report.sideBySide(months);
  }

  /** "10-14" or "10,12": the days without a run. */
  private static Set<Integer> days(String spec) {
    Set<Integer> days = new TreeSet<>();
    for (String part : spec.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      String[] range = part.trim().split("-");
      int from = Integer.parseInt(range[0]);
      int to = Integer.parseInt(range[range.length - 1]);
      for (int d = from; d <= to; d++) {
        days.add(d);
      }
    }
    if (days.contains(0)) {
      throw new IllegalArgumentException("refresh.pausedDays: day 0 is the first sync");
    }
    return days;
  }
}
