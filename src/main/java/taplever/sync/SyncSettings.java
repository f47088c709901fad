package taplever.sync;

import java.time.Duration;
import java.time.Instant;

/**
 * The config values the engine runs by, decoupled from how the config file spells them.
 *
 * @param keepUnknownFields {@code unknown_fields}: keep (declare) fields the schema lacks, or drop
 */
public record SyncSettings(Instant startDate, Duration childLookback, Duration childFullRefresh,
    int maxConcurrency, boolean keepUnknownFields, PersonalData personal) {}
