package taplever.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import taplever.runtime.Sleeper;
import taplever.runtime.TapRuntime;
import taplever.testing.ElapsedClock;
import taplever.testing.RecordingLogs;

/** Fake time: a nanoTime, a wall clock that follows it, and a sleeper that advances both. */
public final class FakeTime implements Sleeper, LongSupplier {
  static final Instant START = Instant.parse("2025-06-01T12:00:00Z");
  private static final long ORIGIN = 5_000_000_000L;

  private final AtomicLong nanos = new AtomicLong(ORIGIN);
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
  private final boolean sleepingAdvancesTime;

  public FakeTime() {
    this(true);
  }

  public FakeTime(boolean sleepingAdvancesTime) {
    this.sleepingAdvancesTime = sleepingAdvancesTime;
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    if (sleepingAdvancesTime) {
      nanos.addAndGet(duration.toNanos());
    }
  }

  @Override
  public long getAsLong() {
    return nanos.get();
  }

  public void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  public List<Duration> sleeps() {
    synchronized (sleeps) {
      return List.copyOf(sleeps);
    }
  }

  Duration elapsed() {
    return Duration.ofNanos(nanos.get() - ORIGIN);
  }

  /** A runtime on this fake time, logging into {@code logs}. */
  public TapRuntime runtime(Sleeper sleeper, DoubleSupplier random, RecordingLogs logs) {
    return new TapRuntime(clock(), this, sleeper, random, logs);
  }

  public TapRuntime runtime(DoubleSupplier random) {
    return runtime(this, random, new RecordingLogs());
  }

  public Clock clock() {
    return new ElapsedClock(START, () -> elapsed().toNanos());
  }
}
