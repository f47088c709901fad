package taplever.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/**
 * What the sync engine runs by, as the config file says it; the engine takes it as it is. A new
 * engine setting is a field here, read in {@link #read}, and its {@link Settings} entry.
 *
 * @param childFullRefresh every child is read again within this period; zero: never
 * @param maxConcurrency parallel child requests
 */
public record EngineSettings(
    Instant startDate,
    Duration childLookback,
    Duration childFullRefresh,
    ChildRefresh childRefresh,
    int maxConcurrency,
    UnknownFields unknownFields) {

  /**
   * @param startDate checked by the loader, which knows "now" and what the config is for
   * @param maxConcurrency read once for both its users, this and the client's connection pool
   */
  static EngineSettings read(JsonNode root, Instant startDate, int maxConcurrency) {
    return new EngineSettings(
        startDate,
        Duration.ofDays(Settings.CHILD_LOOKBACK_DAYS.read(root)),
        Duration.ofDays(Settings.CHILD_FULL_REFRESH_DAYS.read(root)),
        ChildRefresh.parse(Settings.CHILD_REFRESH.read(root, "")),
        maxConcurrency,
        UnknownFields.parse(Settings.UNKNOWN_FIELDS.read(root, "")));
  }
}
