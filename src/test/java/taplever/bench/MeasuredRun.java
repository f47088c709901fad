package taplever.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One program run as its own process, as production runs the tap, with what the benchmark prints
 * about it: RECORD lines on its stdout, when the first one arrived, wall and CPU time, and peak RSS
 * ({@code VmHWM}, read from /proc while it runs; the high-water mark only grows, so the last read
 * is the peak to within one poll).
 *
 * @param records RECORD lines seen on stdout
 * @param bytes bytes of stdout
 * @param firstRecordSeconds from spawn to the first RECORD line (NaN if none)
 * @param seconds from spawn to exit
 * @param cpuSeconds user + system CPU of the process
 * @param peakRssKb {@code VmHWM}
 * @param exit exit code
 */
record MeasuredRun(long records, long bytes, double firstRecordSeconds, double seconds, double cpuSeconds,
    long peakRssKb, int exit) {
  private static final byte[] MARKER = "\"type\":\"RECORD\"".getBytes(StandardCharsets.UTF_8);
  /** USER_HZ, the unit of /proc/PID/stat's CPU times: 100 on every Linux architecture Java runs on. */
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  double recordsPerSecond() {
    return records / seconds;
  }

  long peakRssMb() {
    return peakRssKb / 1024;
  }

  /** Runs {@code command} with stderr inherited and stdout counted. */
  static MeasuredRun of(List<String> command) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    AtomicLong peak = new AtomicLong();
    AtomicLong ticks = new AtomicLong();
    Thread poller = new Thread(() -> poll(p, peak, ticks), "rss-poller");
    poller.setDaemon(true);
    poller.start();
    long bytes = 0;
    long records = 0;
    long first = -1;
    byte[] buffer = new byte[1 << 16];
    try (InputStream out = p.getInputStream()) {
      int n;
      int match = 0;
      while ((n = out.read(buffer)) > 0) {
        bytes += n;
        for (int i = 0; i < n; i++) {
          match = buffer[i] == MARKER[match] ? match + 1 : (buffer[i] == MARKER[0] ? 1 : 0);
          if (match == MARKER.length) {
            if (first < 0) {
              first = System.nanoTime();
            }
            records++;
            match = 0;
          }
        }
      }
    }
    if (!p.waitFor(30, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("still running after 30 minutes: " + command);
    }
    long end = System.nanoTime();
    poller.join(1000);
    return new MeasuredRun(records, bytes, first < 0 ? Double.NaN : (first - start) / 1e9, (end - start) / 1e9,
        ticks.get() / (double) CLOCK_TICKS_PER_SECOND, peak.get(), p.exitValue());
  }

  private static void poll(Process p, AtomicLong peak, AtomicLong ticks) {
    Path status = Path.of("/proc", Long.toString(p.pid()), "status");
    Path stat = Path.of("/proc", Long.toString(p.pid()), "stat");
    while (p.isAlive()) {
      try {
        for (String line : Files.readAllLines(status)) {
          if (line.startsWith("VmHWM:")) {
            peak.accumulateAndGet(Long.parseLong(line.replaceAll("[^0-9]", "")), Math::max);
          }
        }
        // Fields 14 and 15 (utime, stime) follow the parenthesised command name.
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        ticks.set(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        Thread.sleep(20);
      } catch (IOException | InterruptedException | RuntimeException e) {
        return; // the process is gone
      }
    }
  }
}
