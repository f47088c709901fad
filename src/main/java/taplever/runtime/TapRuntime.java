package taplever.runtime;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/**
 * What a run takes from the world: wall time, elapsed time, waiting, chance, and where its logs
 * go. Production passes {@link #system}; tests pass fake time and a recording log, so the wiring
 * that ships is the wiring under test and nothing sleeps for real.
 *
 * @param clock wall time: sync start, bookmarks, token expiry
 * @param nanoTime elapsed time: rate limiter, retry deadlines, durations
 * @param sleeper every pause (rate limit, backoff) goes through it
 * @param random uniform in [0, 1): backoff jitter
 * @param logs the loggers of the run, already set to the user's level and writing to stderr
 */
public record TapRuntime(Clock clock, LongSupplier nanoTime, Sleeper sleeper, DoubleSupplier random,
    ILoggerFactory logs) {

  public static TapRuntime system(ILoggerFactory logs) {
    return new TapRuntime(Clock.systemUTC(), System::nanoTime, Sleeper.SYSTEM,
        () -> ThreadLocalRandom.current().nextDouble(), logs);
  }

  public Logger log(String name) {
    return logs.getLogger(name);
  }
}
