package taplever.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Okio;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import taplever.fake.FakeLever;
import taplever.fake.FakeLeverOptions;
import taplever.testing.Catalogs;

/**
 * Figures, never assertions: {@code mvn -B -Pbench test} (the bench profile builds the jar, the
 * launcher and the AppCDS archive first). Every program runs as its own process, as in production,
 * against a server in this JVM; peak RSS is each process's {@code VmHWM}.
 */
@Tag("benchmark")
class TapBenchmark {
  private static final String API_KEY = FakeLeverOptions.defaults().apiKey();
  private static final Path TARGET = Path.of(System.getProperty("bench.target", "target")).toAbsolutePath();
  private static final Path LAUNCHER = TARGET.resolve("tap-lever");
  private static final Path JAR = TARGET.resolve("tap-lever.jar");
  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @TempDir
  Path dir;

  private static void print(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }

  /** The machine's 1, 5 and 15 minute load averages: figures taken while other work ran are not comparable. */
  private static String loadAverage() throws IOException {
    String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return f[0] + " " + f[1] + " " + f[2];
  }

  /** The launcher's default JAVA_OPTS, read from the script so the minimal program runs with the same. */
  private static List<String> launcherJavaOpts() throws IOException {
    Matcher m = Pattern.compile("\\$\\{JAVA_OPTS:-([^}]*)}").matcher(Files.readString(LAUNCHER));
    if (!m.find()) {
      throw new IllegalStateException("no default JAVA_OPTS in " + LAUNCHER);
    }
    return Arrays.asList(m.group(1).trim().split("\\s+"));
  }

  private Path config(String baseUrl) throws IOException {
    return Files.writeString(dir.resolve("config.json"), "{\"base_url\": \"" + baseUrl + "\", \"api_key\": \""
        + API_KEY + "\", \"start_date\": \"2000-01-01T00:00:00Z\", \"requests_per_second\": 1000, \"burst\": 1000}");
  }

  private List<String> tapArgs(String baseUrl, String... streams) throws IOException {
    Path catalog = Files.writeString(dir.resolve("catalog.json"), Catalogs.selecting(streams));
    return List.of("--log-level", "warn", "--config", config(baseUrl).toString(), "--catalog", catalog.toString());
  }

  private static List<String> command(List<String> head, List<String> tail) {
    List<String> command = new ArrayList<>(head);
    command.addAll(tail);
    return command;
  }

  /** A program compared, as the full command that runs it. */
  private record Program(String name, List<String> command) {}

  /** One run of a program, and the CPU this JVM (replay server, stdout reader) spent meanwhile. */
  private record Sample(MeasuredRun run, double benchCpuSeconds) {}

  /** The minimal ceiling and the tap, each under the launcher's JVM options and under plain defaults. */
  private List<Program> programs(String replayUrl) throws IOException {
    List<String> minimal = List.of("-cp", System.getProperty("java.class.path"), MinimalStreamingTap.class.getName(),
        replayUrl, API_KEY);
    List<String> tap = tapArgs(replayUrl, "opportunities");
    return List.of(
        new Program("minimal streaming, launcher's JVM options",
            command(command(List.of(JAVA), launcherJavaOpts()), minimal)),
        new Program("tap, target/tap-lever (launcher)", command(List.of(LAUNCHER.toString()), tap)),
        new Program("minimal streaming, JVM defaults", command(List.of(JAVA), minimal)),
        new Program("tap, java -jar target/tap-lever.jar", command(List.of(JAVA, "-jar", JAR.toString()), tap)));
  }

  private static double median(List<Sample> samples, ToDoubleFunction<Sample> f) {
    double[] v = samples.stream().mapToDouble(f).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static double benchCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }

  /** Runs every program {@code rounds} times, interleaved, so drift in the machine's load hits all alike. */
  private static Map<String, List<Sample>> measure(List<Program> programs, int rounds) throws Exception {
    Map<String, List<Sample>> samples = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      for (Program p : programs) {
        double cpu = benchCpuSeconds();
        MeasuredRun run = MeasuredRun.of(p.command());
        samples.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(new Sample(run, benchCpuSeconds() - cpu));
      }
    }
    return samples;
  }

  @Test
  void throughputAndMemoryAgainstTheMinimalStreamingCeiling() throws Exception {
    // -Dbench.sizes=OPPORTUNITIES:ROUNDS,... (the figures in the README use the default)
    for (String size : System.getProperty("bench.sizes", "100000:3,1000000:3").split(",")) {
      int n = Integer.parseInt(size.split(":")[0]);
      int rounds = Integer.parseInt(size.split(":")[1]);
      long captureStart = System.nanoTime();
      ReplayLever replay;
      try (FakeLever fake = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(n).withRateLimit(false))) {
        replay = ReplayLever.capture(fake, API_KEY);
      }
      try (replay) {
        print("## 1. Throughput and memory, stream opportunities, %,d opportunities, pages pre-rendered in %.0f s"
            + " and served from memory (no latency, no rate limit), %d cores, median of %d round(s), load average %s",
            replay.opportunities(), (System.nanoTime() - captureStart) / 1e9,
            Runtime.getRuntime().availableProcessors(), rounds, loadAverage());
        // The capture leaves this JVM with cold replay code and garbage to collect; whichever
        // program ran first paid for both (up to a third more CPU in one run). One discarded pass
        // over every page, then a collection, puts every program on the same footing.
        double alone = serverAlone(replay);
        System.gc();
        Map<String, List<Sample>> samples = measure(programs(replay.baseUrl()), rounds);
        print("load average after: %s", loadAverage());
        print("%-45s %10s %8s %10s %9s %7s %11s %9s %6s %4s", "program", "records", "wall s", "records/s",
            "peak RSS", "CPU s", "records/CPU", "bench CPU", "1st s", "exit");
        List<Double> rates = new ArrayList<>();
        List<Double> perCpu = new ArrayList<>();
        samples.forEach((name, r) -> {
          long records = r.get(0).run().records();
          double seconds = median(r, x -> x.run().seconds());
          double cpu = median(r, x -> x.run().cpuSeconds());
          rates.add(records / seconds);
          perCpu.add(records / cpu);
          print("%-45s %,10d %8.2f %,10.0f %6d MB %7.1f %,11.0f %9.1f %6.2f %4s", name, records, seconds,
              records / seconds, r.stream().mapToLong(x -> x.run().peakRssMb()).max().orElse(0), cpu, records / cpu,
              median(r, Sample::benchCpuSeconds), median(r, x -> x.run().firstRecordSeconds()),
              r.stream().map(x -> Integer.toString(x.run().exit())).distinct().collect(Collectors.joining(",")));
        });
        // Records per CPU second hold up better than wall time when other work shares the cores.
        print("ratio tap/minimal (same JVM options), records/s: launcher %.2f, java -jar %.2f; records per CPU"
            + " second: launcher %.2f, java -jar %.2f", rates.get(1) / rates.get(0), rates.get(3) / rates.get(2),
            perCpu.get(1) / perCpu.get(0), perCpu.get(3) / perCpu.get(2));
        print("replay server alone, every page fetched and discarded by one client thread in this JVM: %,.0f"
            + " records/s; pages served %,d, requests not recorded %d%s", alone, replay.served(),
            replay.misses(), replay.firstMiss() == null ? "" : " (first: " + replay.firstMiss() + ")");
      }
    }
  }

  /** What the replay server and loopback deliver with no parsing: the ceiling of the ceiling. */
  private static double serverAlone(ReplayLever replay) throws IOException {
    OkHttpClient http = new OkHttpClient();
    String auth = Credentials.basic(API_KEY, "");
    try {
      fetchAll(http, auth, replay.pageUrls()); // warms this JVM's JIT
      long start = System.nanoTime();
      fetchAll(http, auth, replay.pageUrls());
      return replay.opportunities() / ((System.nanoTime() - start) / 1e9);
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private static void fetchAll(OkHttpClient http, String auth, List<HttpUrl> urls) throws IOException {
    for (HttpUrl url : urls) {
      try (Response r = http.newCall(new Request.Builder().url(url).header("Authorization", auth).build()).execute()) {
        r.body().source().readAll(Okio.blackhole());
      }
    }
  }

  @Test
  void startUpWithAndWithoutTheArchive() throws Exception {
    // A copy of the launcher and jar without the archive beside them: the launcher then runs without it.
    Path bare = Files.createDirectory(dir.resolve("no-archive"));
    Files.copy(LAUNCHER, bare.resolve("tap-lever"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(JAR, bare.resolve("tap-lever.jar"), StandardCopyOption.COPY_ATTRIBUTES);
    // The release archive with its own runtime, unpacked as a user would, and a second copy without
    // its CDS archive.
    Path runtime = unpackRuntimeArchive("unpacked");
    Path runtimeBare = unpackRuntimeArchive("unpacked-no-archive");
    Files.delete(runtimeBare.resolve("lib/tap-lever.jsa"));
    print("## 4. Start-up, stream opportunities; archive present: %s; launcher's default JAVA_OPTS: %s; load"
        + " average %s", Files.exists(TARGET.resolve("tap-lever.jsa")), String.join(" ", launcherJavaOpts()),
        loadAverage());
    try (FakeLever fake = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(50).withRateLimit(false))) {
      List<String> tap = tapArgs(fake.baseUrl(), "opportunities");
      printStartUp("50 opportunities", measure(List.of(
          new Program("launcher, AppCDS archive", command(List.of(LAUNCHER.toString()), tap)),
          new Program("launcher, no archive", command(List.of(bare.resolve("tap-lever").toString()), tap)),
          new Program("java -jar (JVM defaults)", command(List.of(JAVA, "-jar", JAR.toString()), tap)),
          new Program("runtime archive, AppCDS", command(List.of(runtime.resolve("bin/tap-lever").toString()), tap)),
          new Program("runtime archive, no AppCDS",
              command(List.of(runtimeBare.resolve("bin/tap-lever").toString()), tap))), 7));
    }
    ReplayLever replay;
    try (FakeLever fake = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(100_000)
        .withRateLimit(false))) {
      replay = ReplayLever.capture(fake, API_KEY);
    }
    try (replay) {
      List<String> tap = tapArgs(replay.baseUrl(), "opportunities");
      printStartUp("100,000 opportunities, pre-rendered", measure(List.of(
          new Program("launcher, AppCDS archive", command(List.of(LAUNCHER.toString()), tap)),
          new Program("launcher, no archive", command(List.of(bare.resolve("tap-lever").toString()), tap))), 3));
    }
  }

  /** target/tap-lever-VERSION-linux-x64.tar.gz unpacked into {@code folder} of this test's directory. */
  private Path unpackRuntimeArchive(String folder) throws Exception {
    String name = "tap-lever-" + taplever.cli.Version.current() + "-linux-x64";
    Path into = Files.createDirectories(dir.resolve(folder));
    Process tar = new ProcessBuilder("tar", "xzf", TARGET.resolve(name + ".tar.gz").toString(), "-C", into.toString())
        .inheritIO().start();
    if (tar.waitFor() != 0) {
      throw new IllegalStateException("could not unpack " + name + ".tar.gz: was it built?");
    }
    return into.resolve(name);
  }

  private static void printStartUp(String what, Map<String, List<Sample>> samples) throws IOException {
    print("load average after: %s", loadAverage());
    samples.forEach((name, r) -> print("%s, %-26s first RECORD median %.3f s (min %.3f), total median %.3f s"
        + " (min %.3f), %,d records, peak RSS %d MB, %d runs", what, name, median(r, x -> x.run().firstRecordSeconds()),
        r.stream().mapToDouble(x -> x.run().firstRecordSeconds()).min().orElse(0), median(r, x -> x.run().seconds()),
        r.stream().mapToDouble(x -> x.run().seconds()).min().orElse(0), r.get(0).run().records(),
        r.stream().mapToLong(x -> x.run().peakRssMb()).max().orElse(0), r.size()));
  }

  @Test
  void warmThroughputInProcess() throws Exception {
    print("## 1b. The same sync in this JVM, three times, to show the cost once the JIT has warmed up");
    try (FakeLever fake = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(100_000).withRateLimit(false))) {
      Path config = config(fake.baseUrl());
      Path catalog = Files.writeString(dir.resolve("warm-catalog.json"), Catalogs.selecting("opportunities"));
      for (int i = 1; i <= 3; i++) {
        java.io.OutputStream sink = java.io.OutputStream.nullOutputStream();
        long t = System.nanoTime();
        int exit = taplever.cli.TapLeverCommand.commandLine(sink)
            .execute("--log-level", "warn", "--config", config.toString(), "--catalog", catalog.toString());
        double seconds = (System.nanoTime() - t) / 1e9;
        print("run %d: 100,000 records in %.2f s = %,.0f records/s, exit %d", i, seconds, 100_000 / seconds, exit);
      }
    }
  }

  @Test
  void rateLimitedFullSyncWithAllSeedChildren() throws Exception {
    int n = 100;
    print("## 2-3. %d opportunities, all seed children, fake Lever at 10 req/s burst 20, 150 ms latency", n);
    try (FakeLever fake = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(n).withLatencyMs(150))) {
      Path catalog = Files.writeString(dir.resolve("children.json"), Catalogs.selecting("opportunities",
          "opportunity_applications", "opportunity_offers", "opportunity_referrals", "opportunity_resumes"));
      Path config = Files.writeString(dir.resolve("defaults.json"), "{\"base_url\": \"" + fake.baseUrl()
          + "\", \"api_key\": \"" + API_KEY + "\", \"start_date\": \"2000-01-01T00:00:00Z\"}");
      MeasuredRun run = MeasuredRun.of(List.of(LAUNCHER.toString(), "--log-level", "warn", "--config",
          config.toString(), "--catalog", catalog.toString()));
      long requests = fake.requestCount() + fake.rateLimitedCount();
      double bound = (requests - 20) / 10.0;
      print("requests %d (429s: %d), wall %.1f s, lower bound (requests - 20) / 10 = %.1f s, utilisation %.0f%%,"
          + " records %,d, exit %d", requests, fake.rateLimitedCount(), run.seconds(), bound,
          100 * bound / run.seconds(), run.records(), run.exit());
      print("requests per opportunity: %.2f (one request per seed child stream would be %.2f)",
          requests / (double) n, (n / 100.0 + 4.0 * n) / n);
    }
  }
}
