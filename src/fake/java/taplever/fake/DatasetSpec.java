package taplever.fake;

/**
 * What a generated dataset depends on: equal specs give identical datasets.
 *
 * @param seed the dataset seed
 * @param opportunities live opportunities generated
 * @param liveShare share of generated opportunities that are not archived
 * @param newFields whether records carry fields Lever "added tomorrow" (schema drift)
 */
record DatasetSpec(long seed, int opportunities, double liveShare, boolean newFields) {
  /** Today's mix: about 35% of opportunities archived. */
  static final double DEFAULT_LIVE_SHARE = 0.65;

  DatasetSpec {
    if (opportunities < 0) {
      throw new IllegalArgumentException("opportunities must be >= 0");
    }
    if (!(liveShare >= 0 && liveShare <= 1)) {
      throw new IllegalArgumentException("liveShare must be within 0..1");
    }
  }
}
