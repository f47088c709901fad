package taplever.cli.login;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import taplever.catalog.StreamSelection;
import taplever.cli.CommandEnvironment;
import taplever.cli.CommonOptions;
import taplever.cli.ConfigInput;
import taplever.cli.LogOptions;
import taplever.cli.RunInput;
import taplever.cli.StderrLogs;
import taplever.cli.TapLeverCommand;
import taplever.config.ConfigFileWriter;
import taplever.config.ConfigLoader;
import taplever.config.Credentials;
import taplever.config.TapConfig;
import taplever.error.ExitCode;
import taplever.error.InputException;

/**
 * {@code tap-lever login}: Lever's OAuth authorization-code flow (reference §2.2) through a
 * loopback redirect, ending with a refresh token saved in the config file.
 */
@Command(name = "login", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Authorize tap-lever with Lever's OAuth and save the refresh token in the config.",
        "The config needs client_id and client_secret; the OAuth app must list the redirect URI"
            + " http://127.0.0.1:PORT/callback (so pass the registered --port)."},
    footerHeading = "%nExamples:%n",
    footer = {"  tap-lever login --config config.json --port 8765",
        "  tap-lever login --config config.json --catalog catalog.json   (the scopes the catalog's"
            + " streams need)",
        "",
        "Scopes asked for, first rule that applies: --scopes; the config's 'scopes'; the streams"
            + " --catalog selects; the streams selected by default. offline_access is always"
            + " added."})
public final class LoginCommand implements Callable<Integer> {

  @CommandLine.Mixin
  CommonOptions common;

  @Option(names = "--port", paramLabel = "N", defaultValue = "0",
      description = "Port on 127.0.0.1 for Lever's redirect (default 0: any free port).")
  int port;

  @Option(names = "--timeout-seconds", paramLabel = "S", defaultValue = "300",
      description = "How long to wait for the authorization (default 300).")
  int timeoutSeconds;

  @Option(names = "--no-browser", description = "Only print the URL; do not open a browser.")
  boolean noBrowser;

  @Option(names = "--scopes", paramLabel = "\"A B\"",
      description = "Space-separated scopes. Default: the config's scopes, else those the streams"
          + " of --catalog need, else those the streams selected by default need. offline_access"
          + " is always added.")
  String scopes;

  @Option(names = {"--catalog", "-p", "--properties"}, paramLabel = "FILE",
      description = "Catalog the sync will use: ask for the scopes its selected streams need"
          + " (each stream's scope, its parent's, and confidential:access:admin where confidential"
          + " records are read).")
  Path catalog;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final CommandEnvironment env;

  public LoginCommand(CommandEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    StderrLogs logs = LogOptions.logs(spec);
    Path config = common.requireConfig(spec);
    if (port < 0 || port > 65_535) {
      throw new InputException("--port must be from 0 to 65535, not " + port);
    }
    if (timeoutSeconds < 1) {
      throw new InputException("--timeout-seconds must be at least 1, not " + timeoutSeconds);
    }
    Logger log = logs.getLogger("tap-lever");
    ConfigInput input = new ConfigInput(env, env.runtimes().runtime(logs), log::warn);
    try (RunInput<Prepared> run = input.open(config, ConfigLoader.Purpose.LOGIN,
        Optional.ofNullable(catalog), (cfg, selected) -> prepare(cfg, selected, config, log))) {
      // The loader gives a login config OAuth credentials or fails.
      if (!(run.config().credentials() instanceof Credentials.OAuth creds)) {
        throw new InputException("config needs 'client_id' and 'client_secret' for login");
      }
      // Under the lock: a sync running on this config would overwrite the new token with its own
      // rotation.
      return authorize(run.config(), creds, run.prepared().writer(), config,
          run.prepared().scopes());
    }
  }

  /** What the login asks for and where it saves the token, checked before anything listens. */
  private record Prepared(SortedSet<String> scopes, ConfigFileWriter writer) {}

  /** Read before anything listens: a bad catalog is a usage error with nothing started. */
  private Prepared prepare(TapConfig cfg, List<StreamSelection> selected, Path config,
      Logger log) {
    if (catalog != null && selected.isEmpty()) {
      throw new InputException("catalog " + catalog + " selects no stream, so there is no scope"
          + " to ask for; select streams (or pass --scopes)");
    }
    if (catalog != null && (scopes != null || cfg.scopes().isPresent())) {
      log.warn("--catalog does not choose the scopes: {} wins over it", scopes != null
          ? "--scopes" : "the config's 'scopes'");
    }
    ConfigFileWriter writer = new ConfigFileWriter(config, env.files());
    writer.checkWritable();
    // Without --catalog, the streams selected by default.
    return new Prepared(LoginScopes.needs(selected.stream().map(StreamSelection::spec).toList()),
        writer);
  }

  private Integer authorize(TapConfig cfg, Credentials.OAuth creds, ConfigFileWriter writer,
      Path config, SortedSet<String> selection) {
    String scope = LoginScopes.resolve(scopes, cfg.scopes(), selection);
    String state = newState();
    PrintWriter err = spec.commandLine().getErr();
    try (OAuthCallbackServer callback = OAuthCallbackServer.start(port, state)) {
      String url = authorizeUrl(cfg, creds, callback.redirectUri(), state, scope);
      err.println("Listening on port " + callback.port() + " for Lever's redirect to "
          + callback.redirectUri() + " (the OAuth app must list this exact redirect URI).");
      err.println("Open this URL in a browser signed in as a Lever Super Admin:");
      err.println(url);
      err.flush();
      openBrowser(url);
      String code = callback.awaitCode(Duration.ofSeconds(timeoutSeconds));
      AuthorizationCodeExchange.Grant grant = new AuthorizationCodeExchange(creds,
          httpClient(cfg), cfg.http().userAgent()).exchange(code, callback.redirectUri());
      writer.saveRefreshToken(grant.refreshToken());
      callback.finish(true);
      Set<String> missing = LoginScopes.missing(scope, grant.scope());
      if (!missing.isEmpty()) {
        err.println("Lever did not grant these scopes: " + String.join(" ", missing)
            + "; streams needing them will fail with 403.");
      }
      err.println("Saved a refresh token in " + config + ".");
      err.flush();
    }
    return ExitCode.OK.code();
  }

  static String authorizeUrl(TapConfig cfg, Credentials.OAuth creds, String redirectUri,
      String state, String scope) {
    HttpUrl base = HttpUrl.parse(cfg.authorizeUrl());
    if (base == null) {
      throw new InputException("config key 'authorize_url' is not a valid http(s) URL");
    }
    return base.newBuilder()
        .addQueryParameter("client_id", creds.clientId())
        .addQueryParameter("redirect_uri", redirectUri)
        .addQueryParameter("response_type", "code")
        .addQueryParameter("state", state)
        .addQueryParameter("scope", scope)
        .addQueryParameter("audience", cfg.region().audience())
        .build()
        .toString();
  }

  private static String newState() {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  private static OkHttpClient httpClient(TapConfig cfg) {
    return new OkHttpClient.Builder()
        .connectTimeout(cfg.http().connectTimeout())
        .readTimeout(cfg.http().readTimeout())
        .build();
  }

  /** Best effort: the URL is printed anyway, so no failure here matters. */
  private void openBrowser(String url) {
    if (noBrowser) {
      return;
    }
    try {
      if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
          && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
        Desktop.getDesktop().browse(URI.create(url));
      }
    } catch (Exception | LinkageError e) {
      // No browser: the user opens the printed URL.
    }
  }
}
