package taplever.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
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

  @Test
  void anErrorIsOneLineWhateverItsMessageHolds() {
    StringWriter err = new StringWriter();
    CommandLine cmd = command(err);
    beforeOutput.handleExecutionException(new InputException("state 'x' of 'a\nCRITICAL fake"
        + "\u202E' is missing"), cmd, cmd.parseArgs());
    assertEquals("CRITICAL tap-lever: state 'x' of 'a\\nCRITICAL fake\\u202E' is missing\n",
        err.toString());
  }

  @Test
  void anInternalErrorsMessageIsEscapedAndCutToo() {
    StringWriter err = new StringWriter();
    CommandLine cmd = command(err);
    beforeOutput.handleExecutionException(new IllegalStateException("Unexpected character\r\n at"
        + " [Source: " + "x".repeat(5_000) + "]"), cmd, cmd.parseArgs());
    String line = err.toString();
    assertTrue(line.startsWith("CRITICAL tap-lever: internal error (IllegalStateException):"
        + " Unexpected character\\r\\n at [Source: xxx"), line);
    assertTrue(line.endsWith("…(+3038 chars) (rerun with --log-level debug for details)\n"), line);
    assertEquals(1, line.lines().count(), line);
  }

  @Test
  void aUsageErrorIsEscapedToo() {
    StringWriter err = new StringWriter();
    CommandLine cmd = command(err);
    beforeOutput.handleParseException(new CommandLine.ParameterException(cmd,
        "Unknown option: '--x\u001b[2J'"), new String[0]);
    assertEquals("CRITICAL tap-lever: Unknown option: '--x\\u001B[2J'\nTry 'tap-lever --help'.\n",
        err.toString());
  }

  private static CommandLine command(StringWriter err) {
    CommandLine cmd = new CommandLine(CommandLine.Model.CommandSpec.create());
    cmd.setErr(new PrintWriter(err));
    return cmd;
  }
}
