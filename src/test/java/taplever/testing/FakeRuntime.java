package taplever.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.ILoggerFactory;
import taplever.cli.RuntimeProvider;
import taplever.runtime.TapRuntime;

/**
 * Fake time for whole CLI runs: a wall clock and a nanoTime that only sleeping moves, a sleeper
 * that records each pause and returns at once, and jitter fixed at the middle.
 */
public final class FakeRuntime implements RuntimeProvider {
  public static final Instant START = Instant.parse("2025-06-01T12:00:00Z");

  private final Instant start;
  private final AtomicLong nanos = new AtomicLong();
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  public FakeRuntime() {
    this(START);
  }

  public FakeRuntime(Instant start) {
    this.start = start;
  }

  @Override
  public TapRuntime runtime(ILoggerFactory logs) {
    return new TapRuntime(new ElapsedClock(start, nanos::get), nanos::get, d -> {
      sleeps.add(d);
      nanos.addAndGet(d.toNanos());
    }, () -> 0.5, logs);
  }

  public List<Duration> sleeps() {
    synchronized (sleeps) {
      return List.copyOf(sleeps);
    }
  }

  public Duration slept() {
    return sleeps().stream().reduce(Duration.ZERO, Duration::plus);
  }
}
