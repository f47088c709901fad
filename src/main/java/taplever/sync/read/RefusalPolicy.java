package taplever.sync.read;

import java.util.function.Consumer;
import taplever.error.LeverApiException;
import taplever.streams.Access;
import taplever.streams.StreamSpec;

/**
 * Lever's 403 or 404 for a read: the stream's {@link Access} decides what it means, and this
 * class words it, once, for the sync and for {@code check} alike.
 */
public final class RefusalPolicy {
  private RefusalPolicy() {
  }

  /**
   * What the refusal of {@code stream}'s read means. A refusal from another endpoint than the
   * read's own (the OAuth token endpoint refusing a spent refresh token) is the run's failure.
   *
   * @param label the endpoint label of the refused read
   */
  public static Access.Answer decide(StreamSpec stream, String label, LeverApiException e,
      Access.Purpose purpose) {
    if (!e.endpoint().equals(label) || e.fromTokenEndpoint()) {
      return Access.Answer.FAIL;
    }
    return stream.access().onRefusal(e.status(), purpose);
  }

  /**
   * Goes on past the refusal when the stream's access allows it (warning through {@code warn}
   * unless nothing is lost); otherwise throws the run's error, naming the missing scope if that
   * is what it is.
   */
  public static void skipOrThrow(StreamSpec stream, String label, LeverApiException e,
      Access.Purpose purpose, Consumer<String> warn) {
    switch (decide(stream, label, e, purpose)) {
      case SKIP_WITH_WARNING -> warn.accept(stream.name() + ": " + skipped(stream, e, purpose));
      case SKIP_SILENTLY -> { }
      case NAME_THE_SCOPE -> throw new LeverApiException(e.status(), e.endpoint(),
          missingScope(stream, e.endpoint()), e);
      case FAIL -> throw e;
    }
  }

  /** The 403 that means the credentials lack the stream's scope, as a sentence. */
  public static String missingScope(StreamSpec stream, String endpoint) {
    return "Lever refused " + stream.name() + " (" + endpoint + ", 403): the API key or OAuth"
        + " token lacks the '" + stream.access().scope() + "' scope"
        + (stream.access().confidential()
            ? " (and 'confidential:access:admin' for confidential records)" : "")
        + "; deselect the stream or grant the permission";
  }

  /** Why a read Lever refused is skipped rather than failing the run, as a sentence. */
  public static String skipped(StreamSpec stream, LeverApiException e, Access.Purpose purpose) {
    return reason(stream, e, purpose) + ". Skipped.";
  }

  /** Lever's answer and what it likely means, for a refusal the stream's access lets pass. */
  public static String reason(StreamSpec stream, LeverApiException e, Access.Purpose purpose) {
    String why = purpose == Access.Purpose.DEFINITIONS
        ? "the values typed by its definitions stay as Lever sends them"
        : switch (stream.access().refusal()) {
          case ADD_ON -> "the account may not have this add-on (or the credentials lack '"
              + stream.access().scope() + "')";
          case UNVERIFIED_ENDPOINT -> "this endpoint is not in Lever's reference and this account"
              + " does not serve it" + (e.status() == 403 ? " (or the credentials lack '"
                  + stream.access().scope() + "')" : "");
          case FATAL -> "the credentials lack '" + stream.access().scope() + "'";
        };
    return "Lever answered " + e.status() + " for " + e.endpoint() + "; " + why;
  }
}
