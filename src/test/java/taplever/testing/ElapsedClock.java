package taplever.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;

/**
 * A UTC wall clock that is a start instant plus a fake monotonic time, so that what a test's
 * sleeper "waits" moves the clock and the nano time together.
 */
public final class ElapsedClock extends Clock {
  private final Instant start;
  private final LongSupplier elapsedNanos;

  public ElapsedClock(Instant start, LongSupplier elapsedNanos) {
    this.start = start;
    this.elapsedNanos = elapsedNanos;
  }

  @Override
  public Instant instant() {
    return start.plusNanos(elapsedNanos.getAsLong());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
