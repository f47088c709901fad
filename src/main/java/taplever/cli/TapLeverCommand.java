package taplever.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import taplever.catalog.Discovery;
import taplever.cli.check.CheckCommand;
import taplever.cli.login.LoginCommand;
import taplever.config.ConfigLoader;
import taplever.config.JsonFile;
import taplever.error.ExitCode;
import taplever.error.InputException;
import taplever.error.TargetGoneException;
import taplever.runtime.TapRuntime;
import taplever.singer.SingerWriter;
import taplever.singer.TapState;
import taplever.streams.LeverStreams;

/** The tap: discover, sync, about. Each option is declared here once. */
@Command(name = "tap-lever", mixinStandardHelpOptions = true, versionProvider = Version.class,
    sortOptions = false,
    description = {"Singer tap for Lever's Data API v1.",
        "Writes Singer SCHEMA, RECORD and STATE messages on stdout; logs go to stderr."},
    footerHeading = "%nExamples:%n",
    footer = {"  tap-lever check --config config.json   (will this config sync? one request per"
            + " stream)",
        "  tap-lever --config config.json --discover > catalog.json",
        "  tap-lever --config config.json --catalog catalog.json --state state.json | target-postgres",
        "  tap-lever demo --opportunities 50   (a full sync from a built-in fake Lever)"},
    exitCodeListHeading = "%nExit codes:%n")
public final class TapLeverCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Option(names = {"--catalog", "-p", "--properties"}, paramLabel = "FILE",
      description = "Catalog JSON selecting streams and fields (--properties is the legacy name)."
          + " Without it, the streams selected by default are synced.")
  Path catalog;

  @Option(names = {"-s", "--state"}, paramLabel = "FILE", description = "State JSON from a previous"
      + " run: the last STATE value (or message) it wrote.")
  Path state;

  @Option(names = {"-d", "--discover"}, description = "Print the catalog of every stream and exit.")
  boolean discover;

  @Option(names = "--about", description = "Print what the tap is, its capabilities and settings.")
  boolean about;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
      description = "--about format: json or markdown (default).")
  String format;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final CommandEnvironment env;
  private final CheckedOutput stdout;

  private TapLeverCommand(CommandEnvironment env, CheckedOutput stdout) {
    this.env = env;
    this.stdout = stdout;
  }

  /** {@code stdout} receives the Singer messages; everything else is the real process's. */
  public static CommandLine commandLine(OutputStream stdout) {
    return commandLine(CommandEnvironment.system().withStdout(stdout));
  }

  /**
   * The whole CLI over {@code env}: Main passes {@link CommandEnvironment#system()}, tests their
   * buffers, fake time and environment.
   */
  public static CommandLine commandLine(CommandEnvironment env) {
    CheckedOutput stdout = new CheckedOutput(env.stdout());
    CommandLine cl = new CommandLine(new TapLeverCommand(env, stdout));
    cl.addSubcommand(new FakeServerCommand());
    cl.addSubcommand(new LoginCommand(env));
    cl.addSubcommand(new CheckCommand(env, stdout));
    cl.addSubcommand(new DemoCommand(env.withStdout(stdout)));
    Map<String, String> exitCodes = new LinkedHashMap<>();
    for (ExitCode code : ExitCode.values()) {
      exitCodes.put(Integer.toString(code.code()), code.meaning());
    }
    cl.getCommandSpec().usageMessage().exitCodeList(exitCodes);
    ErrorReporter reporter = new ErrorReporter(stdout::started);
    cl.setExecutionExceptionHandler(reporter);
    cl.setExitCodeExceptionMapper(reporter);
    cl.setParameterExceptionHandler(reporter);
    // --help and --version print through picocli's writer; a failed write must not exit 0.
    cl.setExecutionStrategy(parsed -> {
      try {
        return new CommandLine.RunLast().execute(parsed);
      } catch (TargetGoneException e) {
        return reporter.handleExecutionException(e, cl, parsed);
      }
    });
    cl.setOut(new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true));
    cl.setErr(env.stderr());
    return cl;
  }

  public static ObjectMapper mapper() {
    return new ObjectMapper()
        .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES,
            false)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(SerializationFeature.INDENT_OUTPUT);
  }

  @Override
  public Integer call() {
    StderrLogs logs = LogOptions.logs(spec);
    TapRuntime runtime = env.runtimes().runtime(logs);
    Logger log = logs.getLogger("tap-lever");
    if (about) {
      print(switch (format.toLowerCase(Locale.ROOT)) {
        case "json" -> AboutRenderer.json(Version.current()).toPrettyString() + "\n";
        case "markdown", "text" -> AboutRenderer.markdown(Version.current());
        default -> throw new InputException("--format must be json or markdown, not '" + format + "'");
      });
      return ExitCode.OK.code();
    }
    Path config = common.requireConfig(spec);
    if (discover && (catalog != null || state != null)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--discover takes only --config; --catalog and --state are for a sync");
    }
    ObjectMapper mapper = mapper();
    ConfigInput input = new ConfigInput(env, runtime, log::warn);
    if (discover) {
      input.load(config, ConfigLoader.Purpose.SYNC);
      print(new Discovery(input.schemas()).catalog().toPrettyString() + "\n");
      return ExitCode.OK.code();
    }
    try (RunInput<TapState> run = input.open(config, ConfigLoader.Purpose.SYNC,
        Optional.ofNullable(catalog), (cfg, selections) -> {
          TapState read = state == null ? TapState.empty() : TapState.parse(
              JsonFile.read(mapper, state, "state"), LeverStreams.BY_NAME::containsKey);
          if (selections.isEmpty()) {
            log.warn("the catalog selects no stream; nothing to sync");
          }
          return read;
        });
        SingerWriter writer = new SingerWriter(stdout, mapper)) {
      new SyncRunner(run.config(), runtime, env.files()).run(run.selections(), run.prepared(),
          writer);
    }
    return ExitCode.OK.code();
  }

  public static String userAgent() {
    return "tap-lever/" + Version.current();
  }

  /** Whole documents (--about, --discover) go out as bytes, checked, and flushed at once. */
  private void print(String document) {
    byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
    stdout.write(bytes, 0, bytes.length);
    stdout.flush();
  }
}
