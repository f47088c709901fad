package taplever.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code --log-level}, mixed into every command that logs. */
public final class LogOptions {
  static final String NAME = "--log-level";

  @Option(names = NAME, paramLabel = "LEVEL", defaultValue = "info",
      description = "debug, info (default; progress every few seconds), warn or error.")
  String logLevel;

  /**
   * The level in force for the command that ran: the innermost {@code --log-level} given along
   * the command chain ({@code tap-lever --log-level debug login} counts for login), else info.
   */
  static String level(CommandLine.ParseResult parsed) {
    String level = "info";
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption(NAME)) {
        level = p.matchedOptionValue(NAME, level);
      }
    }
    return level;
  }

  /** The run's loggers, at the level in force, writing to {@code err}. */
  public static StderrLogs logs(CommandLine.Model.CommandSpec spec) {
    PrintWriter err = spec.commandLine().getErr();
    return new StderrLogs(StderrLogs.parseLevel(level(spec.root().commandLine().getParseResult())),
        err);
  }
}
