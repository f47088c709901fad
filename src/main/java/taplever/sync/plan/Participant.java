package taplever.sync.plan;

import java.time.Instant;
import taplever.catalog.StreamSelection;

/**
 * A selected stream taking part in one walk of a parent's list, with the lowest key value of the
 * parent records it needs.
 *
 * @param fullPass it has no bookmark or its periodic full refresh is due: it needs every parent
 *     record since start_date, including those without the key
 * @param keylessBound the bound for records that lack Lever's key and are judged by the fallback
 *     key ({@code createdAt}): start_date when they have not been delivered yet, else
 *     {@code lowerBound}
 */
public record Participant(StreamSelection selection, Instant lowerBound, boolean fullPass,
    Instant keylessBound) {

  /** Whether this stream needs the parent record whose key is {@code key}. */
  public boolean wants(RecordKey key) {
    return switch (key.kind()) {
      case NONE -> true;
      case KEY -> key.millis() >= lowerBound.toEpochMilli();
      case FALLBACK -> key.millis() >= keylessBound.toEpochMilli();
    };
  }

  public String name() {
    return selection.name();
  }
}
