package taplever.cli.login;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import taplever.error.InputException;
import taplever.streams.LeverStreams;
import taplever.streams.StreamSpec;

/**
 * The scopes {@code login} asks Lever for, first rule that applies: {@code --scopes}, else the
 * config's {@code scopes}, else what the streams of {@code --catalog} need, else what the streams
 * selected by default need. {@code offline_access} is always added, because without it Lever
 * issues no refresh token.
 */
public final class LoginScopes {
  static final String OFFLINE_ACCESS = "offline_access";
  public static final String CONFIDENTIAL = "confidential:access:admin";
  /** RFC 6749 §3.3 scope-token: visible ASCII except the double quote and backslash. */
  private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

  private LoginScopes() {}

  /**
   * Sorted, de-duplicated and space-separated.
   *
   * @param selection what the streams to sync need ({@link #needs}), used when neither the
   *     option nor the config names scopes
   */
  public static String resolve(String option, Optional<String> configured, SortedSet<String> selection) {
    SortedSet<String> scopes = new TreeSet<>();
    if (option != null) {
      scopes.addAll(parse(option, "--scopes"));
    } else if (configured.isPresent()) {
      scopes.addAll(parse(configured.get(), "config key 'scopes'"));
    } else {
      scopes.addAll(selection);
    }
    scopes.add(OFFLINE_ACCESS);
    return String.join(" ", scopes);
  }

  /** {@link #resolve} for the streams selected by default. */
  public static String resolve(String option, Optional<String> configured) {
    return resolve(option, configured, defaults());
  }

  /** What a sync of the default streams needs. */
  static SortedSet<String> defaults() {
    return needs(LeverStreams.ALL.stream().filter(StreamSpec::selectedByDefault).toList());
  }

  /**
   * What a sync of {@code streams} needs, without {@code offline_access}: each stream's own scope;
   * for a child also its parent's, because the sync lists the parent to reach it even when the
   * parent itself is not selected; and {@code confidential:access:admin} when a list read asks
   * for confidential records ({@code confidentiality=all}), the parent's list included.
   */
  public static SortedSet<String> needs(Collection<StreamSpec> streams) {
    SortedSet<String> scopes = new TreeSet<>();
    for (StreamSpec s : streams) {
      add(s, scopes);
      s.parent().flatMap(LeverStreams::find).ifPresent(parent -> add(parent, scopes));
    }
    return scopes;
  }

  private static void add(StreamSpec s, SortedSet<String> scopes) {
    scopes.add(s.access().scope());
    if (s.access().confidential()) {
      scopes.add(CONFIDENTIAL);
    }
  }

  private static SortedSet<String> parse(String text, String where) {
    SortedSet<String> scopes = new TreeSet<>();
    for (String token : text.strip().split("\\s+")) {
      if (token.isEmpty()) {
        continue;
      }
      if (!SCOPE_TOKEN.matcher(token).matches()) {
        throw new InputException(where + " has an invalid scope '" + token + "'; expected"
            + " space-separated scopes such as 'opportunities:read:admin'");
      }
      scopes.add(token);
    }
    if (scopes.isEmpty()) {
      throw new InputException(where + " is empty; expected space-separated scopes such as"
          + " 'opportunities:read:admin'");
    }
    return scopes;
  }

  /** The requested scopes Lever did not grant; empty when it said nothing about them. */
  static SortedSet<String> missing(String requested, String granted) {
    SortedSet<String> missing = new TreeSet<>();
    if (granted == null || granted.isBlank()) {
      return missing;
    }
    missing.addAll(Arrays.asList(requested.split(" ")));
    missing.removeAll(Arrays.asList(granted.strip().split("\\s+")));
    return missing;
  }
}
