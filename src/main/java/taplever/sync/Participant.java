package taplever.sync;

import java.time.Instant;
import taplever.catalog.StreamSelection;

/**
 * A selected stream taking part in one walk of a parent's list, with the lowest replication-key
 * value of the parent records it needs.
 *
 * @param fullPass it has no bookmark or its periodic full refresh is due: it needs every parent
 *     record since start_date, including those without the key
 */
record Participant(StreamSelection selection, Instant lowerBound, boolean fullPass) {

  boolean wants(long key) {
    return key >= lowerBound.toEpochMilli();
  }
}
