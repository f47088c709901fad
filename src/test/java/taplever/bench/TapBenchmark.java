package taplever.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import taplever.fake.FakeLever;
import taplever.testing.Catalogs;
import taplever.fake.FakeLeverOptions;

/**
 * Figures, not assertions: {@code mvn -B -Pbench test}. The tap runs as its own process (as in
 * production) against the fake Lever in this JVM; its peak RSS is read from /proc.
 */
@Tag("benchmark")
class TapBenchmark {
  @TempDir
  Path dir;

  /** What one tap process did. */
  record Run(long records, long bytes, double seconds, long peakRssKb, int exit) {}

  private Run tap(FakeLever fake, String configExtra, String... streams) throws Exception {
    Path config = Files.writeString(dir.resolve("config.json"), "{\"base_url\": \"" + fake.baseUrl()
        + "\", \"api_key\": \"fake-api-key\", \"start_date\": \"2000-01-01T00:00:00Z\"" + configExtra + "}");
    Path cat = Files.writeString(dir.resolve("catalog.json"), Catalogs.selecting(streams));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "taplever.cli.Main",
        "--log-level", "warn", "--config", config.toString(), "--catalog", cat.toString()));
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    AtomicLong peak = new AtomicLong();
    Thread rss = new Thread(() -> {
      Path status = Path.of("/proc", Long.toString(p.pid()), "status");
      while (p.isAlive()) {
        try {
          for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
              peak.accumulateAndGet(Long.parseLong(line.replaceAll("[^0-9]", "")), Math::max);
            }
          }
          Thread.sleep(20);
        } catch (IOException | InterruptedException | RuntimeException e) {
          return;
        }
      }
    });
    rss.setDaemon(true);
    rss.start();
    long bytes = 0;
    long records = 0;
    byte[] buffer = new byte[1 << 16];
    byte[] marker = "\"type\":\"RECORD\"".getBytes(StandardCharsets.UTF_8);
    try (InputStream out = p.getInputStream()) {
      int n;
      int match = 0;
      while ((n = out.read(buffer)) > 0) {
        bytes += n;
        for (int i = 0; i < n; i++) {
          match = buffer[i] == marker[match] ? match + 1 : (buffer[i] == marker[0] ? 1 : 0);
          if (match == marker.length) {
            records++;
            match = 0;
          }
        }
      }
    }
    p.waitFor(30, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - start) / 1e9;
    rss.join(1000);
    return new Run(records, bytes, seconds, peak.get(), p.exitValue());
  }

  private static void print(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }

  @Test
  void throughputAndMemoryWithoutLatencyOrRateLimit() throws Exception {
    print("## 1. CPU throughput (no latency, no rate limit), stream opportunities, %d cores",
        Runtime.getRuntime().availableProcessors());
    for (int n : new int[] {10_000, 100_000}) {
      try (FakeLever fake = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(n).withRateLimit(false))) {
        tap(fake, ", \"requests_per_second\": 1000, \"burst\": 1000", "opportunities"); // warm the fake
        Run run = tap(fake, ", \"requests_per_second\": 1000, \"burst\": 1000", "opportunities");
        print("%,8d opportunities: %,d records in %.2f s = %,.0f records/s, %.1f MB/s of Singer output,"
            + " peak RSS %,d MB, exit %d", n, run.records(), run.seconds(), run.records() / run.seconds(),
            run.bytes() / 1e6 / run.seconds(), run.peakRssKb() / 1024, run.exit());
      }
    }
  }

  @Test
  void warmThroughputInProcess() throws Exception {
    print("## 1b. The same sync in this JVM, three times, to show the cost once the JIT has warmed up");
    try (FakeLever fake = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(100_000).withRateLimit(false))) {
      Path config = Files.writeString(dir.resolve("warm.json"), "{\"base_url\": \"" + fake.baseUrl()
          + "\", \"api_key\": \"fake-api-key\", \"start_date\": \"2000-01-01T00:00:00Z\","
          + " \"requests_per_second\": 1000, \"burst\": 1000}");
      Path catalog = Files.writeString(dir.resolve("warm-catalog.json"), "{\"streams\": [{\"tap_stream_id\":"
          + " \"opportunities\", \"metadata\": [{\"breadcrumb\": [], \"metadata\": {\"selected\": true}}]}]}");
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
      Run run = tap(fake, "", "opportunities", "opportunity_applications", "opportunity_offers",
          "opportunity_referrals", "opportunity_resumes");
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
