package taplever.fake;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Deterministic source of generated values. Every generated id, name and timestamp of the fake
 * comes from one of these, seeded from the dataset seed plus salts (an opportunity's index, a
 * record kind), so the same seed always yields the same dataset and any one opportunity's children
 * can be regenerated on their own.
 */
final class SeededRandom {
  private final Random random;

  private SeededRandom(long seed) {
    this.random = new Random(seed);
  }

  /**
   * A generator for {@code seed} refined by {@code salts}; equal arguments give equal sequences.
   */
  static SeededRandom of(long seed, long... salts) {
    long h = mix(seed ^ 0x5DEECE66DL);
    for (long salt : salts) {
      h = mix(h ^ mix(salt + 0x9E3779B97F4A7C15L));
    }
    return new SeededRandom(h);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * A version-4-shaped UUID string drawn from this generator (never from {@code
   * UUID.randomUUID()}).
   */
  String uuid() {
    long msb = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  /**
   * Like {@link #uuid()} (same draws), but the low 32 bits are {@code low32}: how {@link TaggedIds}
   * makes an id lead back to its owner.
   */
  String uuid(int low32) {
    long msb = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
    long lsb = (random.nextLong() & 0x3FFFFFFF00000000L) | 0x8000000000000000L;
    return new UUID(msb, lsb | (low32 & 0xFFFFFFFFL)).toString();
  }

  long nextLong() {
    return random.nextLong();
  }

  /** Uniform integer in {@code [lo, hi]} (inclusive). */
  int between(int lo, int hi) {
    return hi <= lo ? lo : lo + random.nextInt(hi - lo + 1);
  }

  /** Uniform long in {@code [lo, hi]} (inclusive). */
  long between(long lo, long hi) {
    if (hi <= lo) {
      return lo;
    }
    return lo + (long) (random.nextDouble() * (hi - lo + 1));
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  double nextDouble() {
    return random.nextDouble();
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  @SafeVarargs
  final <T> T pick(T... values) {
    return values[random.nextInt(values.length)];
  }

  /** A lower-case hex string of {@code chars} characters. */
  String hex(int chars) {
    StringBuilder sb = new StringBuilder(chars);
    for (int i = 0; i < chars; i++) {
      sb.append(Character.forDigit(random.nextInt(16), 16));
    }
    return sb.toString();
  }
}
