package taplever.sync;

/**
 * What a parent record is judged by: Lever's key (epoch ms), the fallback key where Lever left the
 * key out ({@code createdAt} for old opportunities without {@code updatedAt}), or nothing.
 */
record RecordKey(Kind kind, long millis) {
  static final RecordKey NONE = new RecordKey(Kind.NONE, 0);

  enum Kind { KEY, FALLBACK, NONE }
}
