package taplever.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import taplever.error.ExitCode;
import taplever.error.InputException;
import taplever.error.InterruptedSyncException;
import taplever.error.LeverApiException;
import taplever.error.TargetGoneException;

class ErrorReporterTest {
  private final ErrorReporter beforeOutput = new ErrorReporter(() -> false);
  private final ErrorReporter afterOutput = new ErrorReporter(() -> true);

  @Test
  void badInputIsExit2OnlyWhileNothingReachedStdout() {
    InputException bad = new InputException("config file c.json cannot be rewritten");
    assertEquals(ExitCode.USAGE.code(), beforeOutput.getExitCode(bad));
    assertEquals(ExitCode.FAILURE.code(), afterOutput.getExitCode(bad));
  }

  @Test
  void leverFailuresAndADeadTargetAreExit1() {
    assertEquals(1, beforeOutput.getExitCode(new LeverApiException(500, "/users", "down")));
    assertEquals(1, afterOutput.getExitCode(new TargetGoneException("gone", null)));
    assertEquals(1, beforeOutput.getExitCode(new IllegalStateException("a bug")));
  }

  @Test
  void aSignalExitsAsTheShellReportsIt() {
    assertEquals(130, afterOutput.getExitCode(new InterruptedSyncException("stopped", ExitCode.SIGINT)));
    assertEquals(143, afterOutput.getExitCode(new InterruptedSyncException("stopped", ExitCode.SIGTERM)));
  }
}
