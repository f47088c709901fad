package taplever.streams;

/**
 * What Lever wants before it answers, and what its refusal means.
 *
 * @param scope the OAuth scope (and API-key permission) the endpoint needs
 * @param confidentialityParam the list parameter that asks for confidential records too (sent as
 *     {@code =all}); reading them needs {@code confidential:access:admin}
 * @param refusal how a 403 (or a 404) on this endpoint is taken
 */
public record Access(String scope, java.util.Optional<String> confidentialityParam,
    Refusal refusal) {

  /** The stream reads confidential records too. */
  public boolean confidential() {
    return confidentialityParam.isPresent();
  }

  /** How the engine takes Lever's refusal of a stream. */
  public enum Refusal {
    /** A missing permission: the sync fails naming the scope. */
    FATAL,
    /** An add-on not every account has: a 403 is a warning and the stream is skipped. */
    ADD_ON,
    /**
     * An endpoint used by other integrations but missing from Lever's reference: a 404 or a 403
     * is a warning naming the endpoint, and the stream is skipped.
     */
    UNVERIFIED_ENDPOINT
  }
}
