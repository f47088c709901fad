package taplever.cli.check;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code check} found for one selected stream.
 *
 * @param detail one line for people: what was asked and what Lever said, never a secret
 * @param missingScopes the scopes Lever's refusal shows to be missing; empty unless
 *     {@link Verdict#MISSING_SCOPE}
 */
record StreamCheck(String stream, Verdict verdict, String detail, List<String> missingScopes) {

  /** The scopes sorted, each once. */
  StreamCheck {
    missingScopes = List.copyOf(new TreeSet<>(missingScopes));
  }

  static StreamCheck ok(String stream, String detail) {
    return new StreamCheck(stream, Verdict.OK, detail, List.of());
  }

  static StreamCheck of(String stream, Verdict verdict, String detail) {
    return new StreamCheck(stream, verdict, detail, List.of());
  }

  static StreamCheck missing(String stream, Set<String> scopes, String detail) {
    return new StreamCheck(stream, Verdict.MISSING_SCOPE, detail, List.copyOf(scopes));
  }

  /** The same finding for another stream whose records depend on it. */
  StreamCheck forStream(String other, String prefix) {
    return new StreamCheck(other, verdict, prefix + detail, missingScopes);
  }

  /** The results a check can give, in the words of its table. */
  enum Verdict {
    OK("OK"),
    MISSING_SCOPE("missing scope"),
    NOT_ENABLED("not enabled on the account"),
    REJECTED_CREDENTIALS("rejected credentials"),
    ERROR("error"),
    /**
     * A child read through one parent record, when the account has none: nothing says the sync
     * would fail, so it does not fail the check.
     */
    NOT_CHECKED("not checked");

    private final String words;

    Verdict(String words) {
      this.words = words;
    }

    String words() {
      return words;
    }

    String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a sync of the stream can be expected to work. */
    boolean passes() {
      return this == OK || this == NOT_CHECKED;
    }
  }
}
