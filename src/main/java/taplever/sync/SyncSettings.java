package taplever.sync;

import java.time.Duration;
import java.time.Instant;
import taplever.sync.records.PersonalData;

/**
 * The config values the engine runs by, decoupled from how the config file spells them.
 *
 * @param childFullRefresh every child is read again within this period; zero: never
 * @param rolling spread that refresh (live parents every run, archived ones in slices) rather
 *     than re-reading every parent's children at once when the period is over
 * @param keepUnknownFields {@code unknown_fields}: keep (declare) fields the schema lacks, or drop
 */
public record SyncSettings(Instant startDate, Duration childLookback, Duration childFullRefresh,
    boolean rolling, int maxConcurrency, boolean keepUnknownFields, PersonalData personal) {}
