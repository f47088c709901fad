package taplever.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import taplever.error.InterruptedSyncException;
import taplever.error.TapException;

/**
 * The one place errors become a line on stderr and an exit code. A failure the tap raised on
 * purpose prints its message alone; anything else is a bug, reported in one line too, with the
 * stack trace only at --log-level debug.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler,
    CommandLine.IExitCodeExceptionMapper, CommandLine.IParameterExceptionHandler {

  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;


  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (ex instanceof TapException te) {
      err.println("CRITICAL tap-lever: " + te.getMessage());
    } else {
      boolean debug = "debug".equalsIgnoreCase(logLevel(parsed));
      err.println("CRITICAL tap-lever: internal error (" + ex.getClass().getSimpleName() + "): "
          + ex.getMessage() + (debug ? "" : " (rerun with --log-level debug for details)"));
      if (debug) {
        ex.printStackTrace(err);
      }
    }
    err.flush();
    return getExitCode(ex);
  }

  /** The --log-level the user gave, on the command or the subcommand that ran. */
  private static String logLevel(CommandLine.ParseResult parsed) {
    String level = "info";
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--log-level")) {
        level = p.matchedOptionValue("--log-level", level);
      }
    }
    return level;
  }

  @Override
  public int getExitCode(Throwable ex) {
    if (ex instanceof InterruptedSyncException ie) {
      return ie.signalExitCode();
    }
    if (ex instanceof TapException te) {
      return switch (te.kind()) {
        case INPUT -> USAGE;
        case API, TARGET_GONE -> FAILURE;
        case INTERRUPTED -> 143;
      };
    }
    if (ex instanceof CommandLine.ParameterException) {
      return USAGE;
    }
    return FAILURE;
  }

  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    PrintWriter err = ex.getCommandLine().getErr();
    err.println("CRITICAL tap-lever: " + ex.getMessage());
    err.println("Try 'tap-lever --help'.");
    err.flush();
    return USAGE;
  }
}
