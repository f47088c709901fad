package taplever.sync;

import taplever.error.LeverApiException;
import taplever.streams.StreamSpec;

/** What only the stream knows about Lever's refusal of it: the permission its endpoint needs. */
final class LeverRefusal {
  private LeverRefusal() {
  }

  /**
   * Names the missing scope in a 403 Lever gave for the stream's own endpoint. A 403 from anywhere
   * else (the OAuth token endpoint refusing a spent refresh token) keeps its own message.
   */
  static LeverApiException explain(StreamSpec spec, LeverApiException e) {
    if (e.status() != 403 || !e.endpoint().equals(spec.label())) {
      return e;
    }
    return new LeverApiException(403, e.endpoint(), "Lever refused " + spec.name() + " ("
        + spec.label() + ", 403): the API key or OAuth token lacks the '" + spec.access().scope()
        + "' scope" + (spec.access().confidential()
            ? " (and 'confidential:access:admin' for confidential records)" : "")
        + "; deselect the stream or grant the permission", e);
  }
}
