package taplever.sync.plan;

/**
 * What a parent record is judged by: Lever's key (epoch ms), the fallback key where Lever left the
 * key out ({@code createdAt} for old opportunities without {@code updatedAt}), or nothing.
 */
public record RecordKey(Kind kind, long millis) {
  public static final RecordKey NONE = new RecordKey(Kind.NONE, 0);

  public enum Kind { KEY, FALLBACK, NONE }
}
