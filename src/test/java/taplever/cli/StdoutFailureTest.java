package taplever.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import taplever.testing.TapRun;
import taplever.testing.TempFiles;

/** Every command that writes stdout notices when the write fails, as on {@code > /dev/full}. */
class StdoutFailureTest {
  @TempDir
  Path dir;

  /** What /dev/full does: every write fails with ENOSPC. */
  private static final class FullDevice extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      throw new IOException("No space left on device");
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      throw new IOException("No space left on device");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"--discover", "--about", "--about --format json", "--help", "--version"})
  void aFailedWriteToStdoutExits1(String command) {
    Path config = new TempFiles(dir).write("config.json", "{\"api_key\": \"sk-SECRET-8\","
        + " \"start_date\": \"2024-01-01T00:00:00Z\"}");
    String[] args = ("--config " + config + " " + command).split(" ");

    TapRun run = TapRun.Setup.defaults().stdout(new FullDevice()).run(args);

    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.stderr().contains("CRITICAL tap-lever: could not write to stdout (No space left"
        + " on device)"), run::toString);
  }
}
