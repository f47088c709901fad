package taplever.streams;

/** Lever behaviours that change how the engine treats a stream, as data rather than code. */
public enum Quirk {
  /** Lever deprecated the endpoint; warn once when it is synced. */
  DEPRECATED,
  /** An add-on not every account has: a 403 is a warning and the stream is skipped. */
  OPTIONAL_FEATURE,
  /** Costs one request per parent record: not selected by default. */
  PER_PARENT_REQUEST
}
