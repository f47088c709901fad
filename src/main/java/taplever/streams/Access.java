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

  /** What a read of the stream is for, which changes what a refusal of it means. */
  public enum Purpose {
    /** The stream's own list, top-level or read for one parent by id. */
    LIST,
    /** The stream's records of one parent (or one shared record a parent points to). */
    ONE_PARENT,
    /** Definitions other streams' values are typed by: without them those values stay raw. */
    DEFINITIONS
  }

  /** What the engine does when Lever refuses a read of the stream. */
  public enum Answer {
    /** Go on without the stream (or these definitions), saying so once. */
    SKIP_WITH_WARNING,
    /** Nothing is lost: a parent deleted between its page and its children's request. */
    SKIP_SILENTLY,
    /** The credentials lack the stream's scope: fail, naming it. */
    NAME_THE_SCOPE,
    /** Anything else: fail with Lever's answer. */
    FAIL
  }

  /** The one rule for a 403 or 404 on the stream's own endpoint. */
  public Answer onRefusal(int status, Purpose purpose) {
    return switch (purpose) {
      case DEFINITIONS -> status == 403 || status == 404 ? Answer.SKIP_WITH_WARNING : Answer.FAIL;
      case ONE_PARENT -> status == 404 ? Answer.SKIP_SILENTLY
          : status == 403 ? Answer.NAME_THE_SCOPE : Answer.FAIL;
      case LIST -> switch (status) {
        case 403 -> refusal == Refusal.FATAL ? Answer.NAME_THE_SCOPE : Answer.SKIP_WITH_WARNING;
        case 404 -> refusal == Refusal.UNVERIFIED_ENDPOINT ? Answer.SKIP_WITH_WARNING
            : Answer.FAIL;
        default -> Answer.FAIL;
      };
    };
  }
}
