package taplever.fake;

import java.util.UUID;

/**
 * Version-4-shaped UUIDs whose low 32 bits carry a tag (the generation index of the opportunity or
 * contact that owns the record, masked by the seed). An id alone then leads back to its owner, so
 * "change offer X" or "GET /contacts/X" needs no index of every id in the dataset: the tag names
 * the owner, and regenerating the owner confirms the id.
 */
final class TaggedIds {
  /** What {@link #tag} answers for a string that is not one of these ids. */
  static final long NONE = Long.MIN_VALUE;

  private final int mask;

  TaggedIds(long seed) {
    this.mask = (int) SeededRandom.of(seed, 99).nextLong();
  }

  /** A fresh id drawn from {@code rnd} carrying {@code tag}. */
  String id(SeededRandom rnd, int tag) {
    return rnd.uuid(tag ^ mask);
  }

  /** The tag {@code id} carries, or {@link #NONE} when it is not a UUID at all. */
  long tag(String id) {
    if (id == null || id.length() != 36) {
      return NONE;
    }
    try {
      return (int) UUID.fromString(id).getLeastSignificantBits() ^ mask;
    } catch (IllegalArgumentException e) {
      return NONE;
    }
  }
}
