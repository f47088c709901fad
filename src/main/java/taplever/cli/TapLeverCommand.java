package taplever.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import taplever.catalog.Discovery;
import taplever.catalog.Selection;
import taplever.catalog.StreamSelection;
import taplever.config.ConfigLoader;
import taplever.config.JsonFile;
import taplever.config.TapConfig;
import taplever.error.InputException;
import taplever.http.TapRuntime;
import taplever.singer.SingerWriter;
import taplever.singer.TapState;
import taplever.streams.LeverStreams;
import taplever.streams.SchemaRepository;

/** The tap: discover, sync, about. Each option is declared here once. */
@Command(name = "tap-lever", mixinStandardHelpOptions = true, versionProvider = Version.class,
    sortOptions = false,
    description = {"Singer tap for Lever's Data API v1.",
        "Writes Singer SCHEMA, RECORD and STATE messages on stdout; logs go to stderr."},
    footerHeading = "%nExamples:%n",
    footer = {"  tap-lever --config config.json --discover > catalog.json",
        "  tap-lever --config config.json --catalog catalog.json --state state.json | target-postgres",
        "  tap-lever demo --opportunities 50   (a full sync from a built-in fake Lever)"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:sync failed: Lever or the network after retries, rejected credentials, target gone",
        "2:bad usage, config, catalog or state (nothing written on stdout)",
        "130:interrupted by SIGINT (last consistent STATE written)",
        "143:terminated by SIGTERM (last consistent STATE written)"})
public final class TapLeverCommand implements Callable<Integer> {

  @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Config JSON (required"
      + " except for --about).")
  Path config;

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

  @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info",
      description = "debug, info (default; progress every few seconds), warn or error.")
  String logLevel;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final OutputStream stdout;

  TapLeverCommand(OutputStream stdout) {
    this.stdout = stdout;
  }

  static CommandLine commandLine() {
    return commandLine(new FileOutputStream(FileDescriptor.out));
  }

  /** {@code stdout} receives the Singer messages: the real fd 1, or a buffer in tests. */
  public static CommandLine commandLine(OutputStream stdout) {
    CommandLine cl = new CommandLine(new TapLeverCommand(stdout));
    cl.addSubcommand(new FakeServerCommand());
    cl.addSubcommand(new LoginCommand());
    cl.addSubcommand(new DemoCommand(stdout));
    ErrorReporter reporter = new ErrorReporter();
    cl.setExecutionExceptionHandler(reporter);
    cl.setExitCodeExceptionMapper(reporter);
    cl.setParameterExceptionHandler(reporter);
    return cl;
  }

  static ObjectMapper mapper() {
    return new ObjectMapper()
        .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(SerializationFeature.INDENT_OUTPUT);
  }

  @Override
  public Integer call() {
    StderrLogs logs = new StderrLogs(StderrLogs.parseLevel(logLevel), spec.commandLine().getErr());
    org.slf4j.Logger log = logs.getLogger("tap-lever");
    PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
    if (about) {
      out.print(switch (format.toLowerCase(Locale.ROOT)) {
        case "json" -> AboutRenderer.json(Version.current()).toPrettyString() + "\n";
        case "markdown", "text" -> AboutRenderer.markdown(Version.current());
        default -> throw new InputException("--format must be json or markdown, not '" + format + "'");
      });
      out.flush();
      return ErrorReporter.OK;
    }
    if (config == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Missing required option: '--config=FILE'");
    }
    if (discover && (catalog != null || state != null)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--discover takes only --config; --catalog and --state are for a sync");
    }
    ObjectMapper mapper = mapper();
    TapConfig cfg = new ConfigLoader(log::warn, "tap-lever/" + Version.current())
        .load(config, ConfigLoader.Purpose.SYNC);
    SchemaRepository schemas = new SchemaRepository(mapper);
    if (discover) {
      out.println(new Discovery(schemas).catalog().toPrettyString());
      out.flush();
      return ErrorReporter.OK;
    }
    List<StreamSelection> selections = catalog == null
        ? new Selection(schemas).defaults()
        : new Selection(schemas).fromCatalog(JsonFile.read(mapper, catalog, "catalog"));
    TapState input = state == null ? TapState.empty()
        : TapState.parse(JsonFile.read(mapper, state, "state"), LeverStreams.BY_NAME::containsKey);
    if (selections.isEmpty()) {
      log.warn("the catalog selects no stream; nothing to sync");
    }
    try (SingerWriter writer = new SingerWriter(stdout, mapper)) {
      new SyncRunner(cfg, mapper, TapRuntime.system(logs)).run(selections, input, writer);
    }
    return ErrorReporter.OK;
  }
}
