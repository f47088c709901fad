package taplever.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Prints a month's runs as they finish and, at the end, the policies side by side. */
final class BenchReport {
  private static final int REFERENCE_ACCOUNT = 100_000;
  private final PrintStream out;
  private final boolean verbose;

  /** @param verbose also print each run's final state and its warnings */
  BenchReport(PrintStream out, boolean verbose) {
    this.out = out;
    this.verbose = verbose;
  }

  private void print(String format, Object... args) {
    out.println(String.format(Locale.ROOT, format, args));
    out.flush();
  }

  void header(RefreshPolicy policy, MonthSimulation.Setup setup) {
    DailyEdits.Workload w = DailyEdits.Workload.scaledTo(setup.opportunities());
    print("%n## %s: %,d opportunities (live share %.2f), %d daily runs after the first sync",
        policy.label(), setup.opportunities(), setup.liveShare(),
        setup.days() - setup.paused().size());
    print("each day before its run: %d updates, %d new, %d archived (signalled); %d offer status"
        + " changes on live and %d on archived opportunities (silent)", w.touches(), w.additions(),
        w.archivals(), w.liveEdits(), w.archivedEdits());
    if (!setup.paused().isEmpty()) {
      print("no run on days %s (their edits still happen)",
          new java.util.TreeSet<>(setup.paused()));
    }
    print("%4s %9s %7s %8s %9s %9s %9s %22s %10s %7s %9s %6s %7s", "day", "requests", "opp-pg",
        "lists", "children", "offers-rq", "at10/s", "split chg/live/roll", "records", "offers",
        "arrived", "state", "real s");
  }

  void run(MonthSimulation.Run r) {
    String split = r.split().map(s -> String.format(Locale.ROOT, "%,d/%,d/%,d", s.changed(),
        s.live(), s.rolling())).orElse("n/a");
    print("%4d %,9d %,7d %,8d %,9d %,9d %9s %22s %,10d %,7d %4d/%-4d %6d %7.1f%s", r.day(),
        r.requests().total(), r.requests().opportunityPages(), r.requests().otherPages(),
        r.requests().children(), r.requests().childPages().getOrDefault("offers", 0L),
        duration(r.leverSeconds()), split, r.records(), r.offers(), r.arrivedLive(),
        r.arrivedArchived(), r.stateBytes(), r.realSeconds(),
        r.requests().unaccounted() == 0 ? "" : "  (" + r.requests().unaccounted()
            + " requests missed by the log reader)");
    if (verbose) {
      r.warnings().forEach(w -> print("     %s", w));
      print("     state %s", r.state());
    }
  }

  void sideBySide(List<MonthSimulation.Month> months) {
    MonthSimulation.Setup setup = months.get(0).setup();
    print("%n## Side by side: %,d opportunities, %d daily runs, requests at Lever's 10 requests/s",
        setup.opportunities(), setup.days());
    List<String[]> rows = new ArrayList<>();
    row(rows, months, "policy", m -> m.policy().label());
    row(rows, months, "first full sync (day 0)", m -> requests(m.runs().get(0).requests().total()));
    row(rows, months, "daily run, median (days 1..N)", m -> requests(median(steady(m))));
    row(rows, months, "daily run, peak", m -> requests(max(steady(m))) + " on day " + peakDay(m));
    row(rows, months, "peak / median (issue: <= 1.5)", m -> String.format(Locale.ROOT, "%.2f",
        max(steady(m)) / (double) Math.max(1, median(steady(m)))));
    row(rows, months, "daily run, mean", m -> requests(Math.round(mean(steady(m)))));
    row(rows, months, "days 1..N, total", m -> requests(steady(m).stream()
        .mapToLong(Long::longValue).sum()));
    row(rows, months, "daily cost at " + String.format(Locale.ROOT, "%,d", REFERENCE_ACCOUNT)
        + " opp. at 10/s (median / peak)" + (setup.opportunities() == REFERENCE_ACCOUNT ? ""
            : ", extrapolated"),
        m -> duration(scaled(medianRun(m), setup)) + " / " + duration(scaled(peakRun(m), setup)));
    row(rows, months, "child split (chg/live/roll), days 1..N", BenchReport::splitTotals);
    row(rows, months, "live silent edits: made / arrived", m -> edits(m, true));
    row(rows, months, "  arrived in the same run", m -> share(m, true, a -> a.daysToArrive() == 0));
    row(rows, months, "  days to arrive: median / p90 / max", m -> days(m, true));
    row(rows, months, "  not arrived by the last run", m -> notArrived(m, true));
    row(rows, months, "archived silent edits: made / arrived", m -> edits(m, false));
    row(rows, months, "  arrived in the same run",
        m -> share(m, false, a -> a.daysToArrive() == 0));
    row(rows, months, "  days to arrive: median / p90 / max", m -> days(m, false));
    row(rows, months, "  not arrived by the last run", m -> notArrived(m, false));
    row(rows, months, "  of which overdue (older than the period)", m -> overdue(m));
    row(rows, months, "all edits by days to arrive 0/1/2-3/4-7/8-14/15-30/>30",
        BenchReport::histogram);
    row(rows, months, "largest state", m -> String.format(Locale.ROOT, "%,d bytes",
        m.runs().stream().mapToLong(MonthSimulation.Run::stateBytes).max().orElse(0)));
    row(rows, months, "heap: live at month end / the JVM's maximum", m -> String.format(
        Locale.ROOT, "%,d MB / %,d MB", m.liveHeapBytes() >> 20, m.maxHeapBytes() >> 20));
    int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(10);
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %-" + width + "s",
          r[0]));
      for (int i = 1; i < r.length; i++) {
        line.append(String.format(Locale.ROOT, " | %-28s", r[i]));
      }
      print("%s |", line);
    }
  }

  private static void row(List<String[]> rows, List<MonthSimulation.Month> months, String name,
      Function<MonthSimulation.Month, String> cell) {
    String[] r = new String[months.size() + 1];
    r[0] = name;
    for (int i = 0; i < months.size(); i++) {
      r[i + 1] = cell.apply(months.get(i));
    }
    rows.add(r);
  }

  private static List<Long> steady(MonthSimulation.Month m) {
    return m.runs().stream().filter(r -> r.day() > 0).map(r -> r.requests().total()).toList();
  }

  private static int peakDay(MonthSimulation.Month m) {
    return m.runs().stream().filter(r -> r.day() > 0)
        .max((a, b) -> Long.compare(a.requests().total(), b.requests().total()))
        .map(MonthSimulation.Run::day).orElse(0);
  }

  private static long median(List<Long> values) {
    return percentile(values, 50);
  }

  /** Nearest rank. */
  private static long percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static long max(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).max().orElse(0);
  }

  private static double mean(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).average().orElse(0);
  }

  /**
   * Seconds at 10/s of a run in an account of {@link #REFERENCE_ACCOUNT} opportunities: the
   * opportunity pages and child requests grow with the account (so does the daily workload), the
   * small reference lists do not. An extrapolation unless the month ran at that size.
   */
  private static double scaled(RequestTally.Counts run, MonthSimulation.Setup setup) {
    double factor = REFERENCE_ACCOUNT / (double) setup.opportunities();
    return (run.otherPages() + (run.opportunityPages() + run.children()) * factor) / 10.0;
  }

  private static RequestTally.Counts medianRun(MonthSimulation.Month m) {
    long median = median(steady(m));
    return m.runs().stream().filter(r -> r.day() > 0 && r.requests().total() == median)
        .findFirst().orElse(m.runs().get(0)).requests();
  }

  private static RequestTally.Counts peakRun(MonthSimulation.Month m) {
    return m.runs().stream().filter(r -> r.day() == peakDay(m)).findFirst().orElseThrow()
        .requests();
  }

  private static String requests(long n) {
    return String.format(Locale.ROOT, "%,d (%s)", n, duration(n / 10.0));
  }

  static String duration(double seconds) {
    if (seconds < 90) {
      return String.format(Locale.ROOT, "%.0f s", seconds);
    }
    if (seconds < 90 * 60) {
      return String.format(Locale.ROOT, "%.1f min", seconds / 60);
    }
    return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
  }

  private static String splitTotals(MonthSimulation.Month m) {
    List<ChildSplit> splits = m.runs().stream().filter(r -> r.day() > 0)
        .flatMap(r -> r.split().stream()).toList();
    if (splits.isEmpty()) {
      return "n/a (not in the summary)";
    }
    return String.format(Locale.ROOT, "%,d / %,d / %,d",
        splits.stream().mapToLong(ChildSplit::changed).sum(),
        splits.stream().mapToLong(ChildSplit::live).sum(),
        splits.stream().mapToLong(ChildSplit::rolling).sum());
  }

  private static List<ArrivalLedger.Arrival> arrivals(MonthSimulation.Month m, boolean live) {
    return m.arrived().stream().filter(a -> a.edit().live() == live).toList();
  }

  private static long pendingCount(MonthSimulation.Month m, boolean live) {
    return m.pending().stream().filter(e -> e.live() == live).count();
  }

  private static String edits(MonthSimulation.Month m, boolean live) {
    long arrived = arrivals(m, live).size();
    return String.format(Locale.ROOT, "%,d / %,d", arrived + pendingCount(m, live), arrived);
  }

  private static String share(MonthSimulation.Month m, boolean live,
      Predicate<ArrivalLedger.Arrival> which) {
    long made = arrivals(m, live).size() + pendingCount(m, live);
    long n = arrivals(m, live).stream().filter(which).count();
    return String.format(Locale.ROOT, "%,d (%.0f%%)", n, 100.0 * n / Math.max(1, made));
  }

  private static String days(MonthSimulation.Month m, boolean live) {
    List<Long> d = arrivals(m, live).stream().map(a -> (long) a.daysToArrive()).toList();
    return d.isEmpty() ? "-" : percentile(d, 50) + " / " + percentile(d, 90) + " / " + max(d);
  }

  private static String notArrived(MonthSimulation.Month m, boolean live) {
    long made = arrivals(m, live).size() + pendingCount(m, live);
    long n = pendingCount(m, live);
    return String.format(Locale.ROOT, "%,d (%.0f%%)", n, 100.0 * n / Math.max(1, made));
  }

  /** Pending edits made at least a full period before the last run: the promise was broken. */
  private static String overdue(MonthSimulation.Month m) {
    int last = m.setup().days();
    return Long.toString(m.pending().stream()
        .filter(e -> e.day() + m.policy().periodDays() <= last).count());
  }

  private static String histogram(MonthSimulation.Month m) {
    int[] upper = {0, 1, 3, 7, 14, 30, Integer.MAX_VALUE};
    long[] n = new long[upper.length];
    for (ArrivalLedger.Arrival a : m.arrived()) {
      for (int i = 0; i < upper.length; i++) {
        if (a.daysToArrive() <= upper[i]) {
          n[i]++;
          break;
        }
      }
    }
    return java.util.Arrays.stream(n).mapToObj(Long::toString).collect(Collectors.joining("/"))
        + " +" + m.pending().size() + " pending";
  }
}
