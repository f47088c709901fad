package taplever.cli.check;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import taplever.cli.login.LoginScopes;
import taplever.config.Credentials;
import taplever.config.TapConfig;
import taplever.streams.StreamSpec;

/**
 * What would grant the scopes a check found missing. For OAuth it is the exact {@code login}
 * command line, which asks for what the same selection needs ({@link LoginScopes}); for an API
 * key it is a new key, because Lever keys cannot be edited after creation.
 */
final class GrantAdvice {
  /** Characters a POSIX shell takes literally outside quotes. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private GrantAdvice() {}

  /**
   * @param config the config path as the user gave it
   * @param catalog the catalog path as the user gave it; empty for the default selection, which
   *     is also what {@code login} without {@code --catalog} asks for
   */
  static Optional<String> of(TapConfig cfg, Path config, Optional<Path> catalog,
      List<StreamSpec> selected, List<StreamCheck> checks) {
    SortedSet<String> missing = new TreeSet<>();
    checks.forEach(c -> missing.addAll(c.missingScopes()));
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    if (!(cfg.credentials() instanceof Credentials.OAuth)) {
      missing.remove(LoginScopes.CONFIDENTIAL);
      boolean confidential = checks.stream()
          .anyMatch(c -> c.missingScopes().contains(LoginScopes.CONFIDENTIAL));
      return Optional.of("an API key's permissions cannot be edited: generate a new key in Lever"
          + " (Settings > Integrations and API > API Credentials)"
          + (missing.isEmpty() ? "" : " with read access for " + String.join(", ", missing))
          + (confidential ? (missing.isEmpty() ? " with" : " and") + " 'Allow access to"
              + " confidential data' on" : ""));
    }
    String login = "tap-lever login --config " + quoted(config.toString());
    if (cfg.scopes().isPresent()) {
      // The config's scopes win over --catalog in login, so name every scope explicitly.
      SortedSet<String> needs = LoginScopes.needs(selected);
      String all = LoginScopes.resolve(cfg.scopes().get() + " " + String.join(" ", needs),
          Optional.empty(), needs);
      return Optional.of(login + " --scopes " + quoted(all));
    }
    return Optional.of(login + catalog.map(c -> " --catalog " + quoted(c.toString())).orElse(""));
  }

  static String quoted(String word) {
    return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
