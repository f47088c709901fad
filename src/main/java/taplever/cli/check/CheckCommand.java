package taplever.cli.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import taplever.catalog.StreamSelection;
import taplever.cli.CheckedOutput;
import taplever.cli.CommandEnvironment;
import taplever.cli.CommonOptions;
import taplever.cli.ConfigInput;
import taplever.cli.LogOptions;
import taplever.cli.RunInput;
import taplever.cli.StderrLogs;
import taplever.cli.SyncRunner;
import taplever.cli.TapLeverCommand;
import taplever.config.ConfigLoader;
import taplever.config.Credentials;
import taplever.config.TapConfig;
import taplever.error.ExitCode;
import taplever.error.InputException;
import taplever.http.HttpObserver;
import taplever.http.LeverClient;
import taplever.http.LeverHttp;
import taplever.runtime.TapRuntime;
import taplever.streams.StreamSpec;

/**
 * {@code tap-lever check}: will this config sync this catalog? One small request per selected
 * stream through the run's own client (rate-limited, retried, OAuth refreshed and saved as in a
 * sync), a table on stderr, and with {@code --format json} one object on stdout.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Ask Lever for one record of every selected stream and report, per stream,"
        + " whether a sync can read it: OK, a missing scope (named), not enabled on the account"
        + " (add-ons), rejected credentials, or the error. Then the credential type, region, host"
        + " and whether the credentials can read confidential data.",
        "The table goes to stderr; stdout stays empty unless --format json, which prints one JSON"
            + " object."},
    footerHeading = "%nExamples:%n",
    footer = {"  tap-lever check --config config.json",
        "  tap-lever check --config config.json --catalog catalog.json --format json",
        "  tap-lever login --config config.json --catalog catalog.json   (OAuth: grant what the"
            + " check found missing)"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every selected stream is readable",
        "1:a stream is not readable (missing scope, add-on not enabled, rejected credentials,"
            + " error)",
        "2:bad usage, config or catalog, or the OAuth config is locked by another run (nothing"
            + " was asked of Lever)"})
public final class CheckCommand implements Callable<Integer> {

  @CommandLine.Mixin
  CommonOptions common;

  @Option(names = {"--catalog", "-p", "--properties"}, paramLabel = "FILE",
      description = "Catalog of the sync to check. Without it, the streams selected by default.")
  Path catalog;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default: the table on stderr only) or json (the table on stderr, one"
          + " JSON object on stdout).")
  String format;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final CommandEnvironment env;
  private final CheckedOutput stdout;

  /** @param stdout the parent's checked stdout, so exit 2 still means nothing was written */
  public CheckCommand(CommandEnvironment env, CheckedOutput stdout) {
    this.env = env;
    this.stdout = stdout;
  }

  @Override
  public Integer call() {
    StderrLogs logs = LogOptions.logs(spec);
    TapRuntime runtime = env.runtimes().runtime(logs);
    Logger log = logs.getLogger("tap-lever");
    Path config = common.requireConfig(spec);
    boolean json = switch (format.toLowerCase(Locale.ROOT)) {
      case "json" -> true;
      case "text" -> false;
      default -> throw new InputException("--format must be text or json, not '" + format + "'");
    };
    ObjectMapper mapper = TapLeverCommand.mapper();
    CheckReport report;
    try (RunInput<List<StreamSelection>> run = new ConfigInput(env, runtime, log::warn).open(
        config, ConfigLoader.Purpose.SYNC, Optional.ofNullable(catalog), (cfg, selections) -> {
          if (selections.isEmpty()) {
            log.warn("the catalog selects no stream; only the credentials are checked");
          }
          return selections;
        })) {
      // As in a sync: the config is the one read under the lock, and a rotated refresh token is
      // saved before it is used.
      TapConfig current = run.config();
      List<StreamSpec> selected = run.prepared().stream().map(StreamSelection::spec).toList();
      try (LeverClient client = LeverHttp.create(current,
          SyncRunner.tokenStore(current, env.files()), HttpObserver.NONE, runtime)) {
        AccessProbe.Findings findings = new AccessProbe(client, current.credentials().mode(),
            current.engine().startDate(), runtime.clock().instant()).run(run.prepared());
        report = new CheckReport(findings.streams(), findings.confidential(),
            current.credentials().mode(), credentialsKey(current), current.region().configName(),
            origin(current.http().baseUrl()), GrantAdvice.of(current, config,
                Optional.ofNullable(catalog), selected, findings.streams()),
            findings.credentials());
      }
    }
    spec.commandLine().getErr().print(report.text());
    spec.commandLine().getErr().flush();
    if (json) {
      byte[] bytes = (report.json(mapper).toString() + "\n").getBytes(StandardCharsets.UTF_8);
      stdout.write(bytes, 0, bytes.length);
      stdout.flush();
    }
    return (report.passes() ? ExitCode.OK : ExitCode.FAILURE).code();
  }

  private static String credentialsKey(TapConfig cfg) {
    return cfg.credentials() instanceof Credentials.OAuth ? "oauth" : "api_key";
  }

  /** {@code scheme://host[:port]}: the API root without its path, as the requests went to it. */
  static String origin(String baseUrl) {
    HttpUrl url = HttpUrl.get(baseUrl);
    boolean defaultPort = url.port() == HttpUrl.defaultPort(url.scheme());
    return url.scheme() + "://" + url.host() + (defaultPort ? "" : ":" + url.port());
  }
}
