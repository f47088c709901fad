package taplever.config;

import java.time.Duration;
import java.time.Instant;

/**
 * What the sync engine runs by, as the config file says it; the engine takes it as it is.
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
    UnknownFields unknownFields) {}
