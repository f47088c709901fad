package taplever.sync.out;

import java.util.Map;
import java.util.StringJoiner;
import org.slf4j.Logger;

/**
 * Records a run could not deliver because a parent held neither the record nor an id Lever lets
 * the tap read it by: said once per run per stream, with the number, and in the summary.
 */
public final class NotDelivered {
  private NotDelivered() {
  }

  /** "12 ('contact' was null: 10, 'contact' was a list: 2)". */
  static String describe(Map<String, Long> reasons) {
    long total = reasons.values().stream().mapToLong(Long::longValue).sum();
    StringJoiner why = new StringJoiner(", ", total + " (", ")");
    reasons.forEach((reason, n) -> why.add(reason + ": " + n));
    return why.toString();
  }

  /** One warning per stream that lost records this run. */
  public static void warn(SyncStats stats, Logger log) {
    stats.notDelivered().forEach((stream, reasons) -> log.warn("{}: records not delivered: {};"
        + " their parents held neither the record nor an id Lever lets the tap read it by",
        stream, describe(reasons)));
  }
}
