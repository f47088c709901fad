package taplever.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import taplever.fake.FakeLever;
import taplever.fake.FakeLeverOptions;

/**
 * {@code tap-lever demo}: the whole job with no Lever account. Starts the fake Lever on a loopback
 * port (with Lever's rate limit), runs a full sync against it exactly as a real run would, prints
 * the Singer messages on stdout, and stops the fake.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Sync from a built-in fake Lever (started and stopped for you); Singer messages on"
        + " stdout. The same run against a real account: tap-lever --config config.json"})
final class DemoCommand implements Callable<Integer> {
  private final CommandEnvironment env;

  @Option(names = "--opportunities", paramLabel = "N", defaultValue = "50",
      description = "Opportunities the fake generates (default: ${DEFAULT-VALUE}).")
  int opportunities;

  @Option(names = "--seed", defaultValue = "42", description = "Dataset seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--catalog", paramLabel = "FILE", description = "Catalog selecting streams; default"
      + " selection without it.")
  Path catalog;

  @Option(names = "--state", paramLabel = "FILE", description = "State from a previous demo run.")
  Path state;

  /** Declares --log-level; {@link LogOptions#logs} reads it from the parse result. */
  @CommandLine.Mixin
  LogOptions log;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** @param env the parent's, whose stdout is already the checked one */
  DemoCommand(CommandEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    StderrLogs logs = LogOptions.logs(spec);
    FakeLeverOptions options;
    try {
      options = FakeLeverOptions.defaults().withSeed(seed).withOpportunities(opportunities);
    } catch (IllegalArgumentException e) {
      // As fake-server words it: an option out of range is a usage error, not a bug.
      throw new CommandLine.ParameterException(spec.commandLine(), "demo: " + e.getMessage());
    }
    try (FakeLever fake = FakeLever.start(options)) {
      Path dir = Files.createTempDirectory("tap-lever-demo");
      Path config = dir.resolve("config.json");
      try {
        Files.writeString(config, "{\"base_url\": \"" + fake.baseUrl() + "\", \"api_key\": \""
            + options.apiKey() + "\", \"start_date\": \"2000-01-01T00:00:00Z\"}");
        logs.getLogger("tap-lever").info("fake Lever on {} with {} opportunities",
            fake.baseUrl(), opportunities);
        List<String> args = new ArrayList<>(List.of("--config", config.toString(), "--log-level",
            logs.threshold().name().toLowerCase(Locale.ROOT)));
        if (catalog != null) {
          args.addAll(List.of("--catalog", catalog.toString()));
        }
        if (state != null) {
          args.addAll(List.of("--state", state.toString()));
        }
        CommandLine tap = TapLeverCommand.commandLine(env.withStderr(spec.commandLine().getErr()));
        return tap.execute(args.toArray(String[]::new));
      } finally {
        Files.deleteIfExists(config);
        Files.deleteIfExists(dir);
      }
    }
  }
}
