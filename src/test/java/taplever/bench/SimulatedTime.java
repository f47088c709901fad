package taplever.bench;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.ILoggerFactory;
import taplever.cli.RuntimeProvider;
import taplever.runtime.TapRuntime;
import taplever.testing.ElapsedClock;

/**
 * The tap's time for one simulated run: its wall clock starts at the run's simulated instant and,
 * like its elapsed time, moves only when the tap sleeps, which returns at once. So the sync start,
 * the bookmarks and the refresh schedule follow the simulated days, and nothing waits for real.
 * Unlike {@code testing.FakeRuntime} it keeps no list of the pauses: a full sync of 100,000
 * opportunities makes hundreds of thousands of requests.
 */
final class SimulatedTime implements RuntimeProvider {
  private final Instant start;
  private final AtomicLong nanos = new AtomicLong();

  SimulatedTime(Instant start) {
    this.start = start;
  }

  @Override
  public TapRuntime runtime(ILoggerFactory logs) {
    Clock clock = new ElapsedClock(start, nanos::get);
    return new TapRuntime(clock, nanos::get, d -> nanos.addAndGet(d.toNanos()), () -> 0.5, logs);
  }
}
