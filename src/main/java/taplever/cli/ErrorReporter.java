package taplever.cli;

import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import taplever.error.ExitCode;
import taplever.error.InterruptedSyncException;
import taplever.error.ShownText;
import taplever.error.TapException;

/**
 * The one place errors become a line on stderr and an exit code. A failure the tap raised on
 * purpose prints its message alone; anything else is a bug, reported in one line too, with the
 * stack trace only at --log-level debug. The message is escaped and cut ({@link ShownText}): the
 * last defence against text from Lever or a state file that would start a line of its own.
 *
 * <p>Exit 2 promises that nothing reached stdout, so a pipeline can tell "fix the input" from
 * "the sync broke off": bad input found after output started (a config that can no longer be
 * written, mid-sync) is exit 1.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler,
    CommandLine.IExitCodeExceptionMapper, CommandLine.IParameterExceptionHandler {
  private final BooleanSupplier outputStarted;

  ErrorReporter(BooleanSupplier outputStarted) {
    this.outputStarted = outputStarted;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (ex instanceof TapException te) {
      err.println("CRITICAL tap-lever: " + shown(te.getMessage()));
    } else {
      boolean debug = "debug".equalsIgnoreCase(LogOptions.level(parsed));
      err.println("CRITICAL tap-lever: internal error (" + ex.getClass().getSimpleName() + "): "
          + shown(ex.getMessage()) + (debug ? "" : " (rerun with --log-level debug for details)"));
      if (debug) {
        ex.printStackTrace(err);
      }
    }
    err.flush();
    return getExitCode(ex);
  }

  @Override
  public int getExitCode(Throwable ex) {
    if (ex instanceof TapException te) {
      return switch (te.kind()) {
        case INPUT -> (outputStarted.getAsBoolean() ? ExitCode.FAILURE : ExitCode.USAGE).code();
        case API, TARGET_GONE -> ExitCode.FAILURE.code();
        // Only InterruptedSyncException is of this kind (TapException is sealed), and it knows
        // which signal stopped the run: SIGINT and SIGTERM exit differently.
        case INTERRUPTED -> ((InterruptedSyncException) te).signalExitCode();
      };
    }
    if (ex instanceof CommandLine.ParameterException) {
      return ExitCode.USAGE.code();
    }
    return ExitCode.FAILURE.code();
  }

  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    PrintWriter err = ex.getCommandLine().getErr();
    err.println("CRITICAL tap-lever: " + shown(ex.getMessage()));
    err.println("Try 'tap-lever --help'.");
    err.flush();
    return ExitCode.USAGE.code();
  }

  /**
   * A message as its one line: whatever Lever, a state file or a library put in it (a newline, a
   * bidi override, ten kilobytes) is escaped and cut here, whoever built the message.
   */
  private static String shown(String message) {
    return ShownText.of(message, ShownText.MESSAGE);
  }
}
