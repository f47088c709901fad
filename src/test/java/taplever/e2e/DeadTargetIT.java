package taplever.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import taplever.fake.FakeLever;
import taplever.fake.FakeLeverOptions;
import taplever.testing.Catalogs;
import taplever.testing.TapRun;
import taplever.testing.TempFiles;

/** {@code tap-lever | head -n 130}: once the target is gone the tap stops asking Lever. */
class DeadTargetIT {
  private static final int CONCURRENCY = 4;

  @TempDir
  Path dir;
  private FakeLever fake;

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.close();
    }
  }

  @Test
  void noMoreRequestsStartOnceAWriteFailedOnlyThoseAlreadyInFlightFinish() throws Exception {
    fake = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(300).withRateLimit(false)
        .withLatencyMs(5));
    TempFiles files = new TempFiles(dir);
    Path config = files.write("config.json", "{\"base_url\": \"" + fake.baseUrl() + "\","
        + " \"api_key\": \"fake-api-key\", \"start_date\": \"2000-01-01T00:00:00Z\","
        + " \"requests_per_second\": 1000, \"burst\": 1000, \"max_concurrency\": " + CONCURRENCY
        + "}");
    Path catalog = files.write("catalog.json", Catalogs.selecting("opportunities",
        "opportunity_offers", "opportunity_notes"));
    AtomicInteger atFailure = new AtomicInteger(-1);
    OutputStream head = new OutputStream() {
      private int lines;

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
          // Past the first page of opportunities: the write that fails is a child's, on a
          // fan-out thread, with the rest of the page's child requests still queued.
          if (b[i] == '\n' && ++lines > 130) {
            atFailure.compareAndSet(-1, fake.requestLog().size());
            throw new IOException("Broken pipe");
          }
        }
      }
    };

    TapRun run = TapRun.Setup.defaults().stdout(head).run("--config", config.toString(),
        "--catalog", catalog.toString());

    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.stderr().contains("the Singer target stopped reading"), run::toString);
    int after = fake.requestLog().size() - atFailure.get();
    assertTrue(after <= CONCURRENCY + 1, "only requests already in flight may land after the"
        + " failed write (fan-out threads and the page fetched ahead): " + after);
  }
}
