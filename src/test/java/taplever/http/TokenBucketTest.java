package taplever.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  @Test
  void burstIsFreeThenEachPermitWaitsExactlyOneInterval() throws Exception {
    FakeTime time = new FakeTime();
    TokenBucket bucket = new TokenBucket(10, 20, time, time);
    for (int i = 0; i < 20; i++) {
      bucket.acquire();
    }
    assertEquals(List.of(), time.sleeps());
    for (int i = 0; i < 10; i++) {
      bucket.acquire();
    }
    assertEquals(Collections.nCopies(10, Duration.ofMillis(100)), time.sleeps());
    assertEquals(Duration.ofSeconds(1), time.elapsed());
  }

  @Test
  void idleTimeRefillsTheBucketButNeverBeyondTheBurst() throws Exception {
    FakeTime time = new FakeTime();
    TokenBucket bucket = new TokenBucket(10, 20, time, time);
    for (int i = 0; i < 20; i++) {
      bucket.acquire();
    }
    time.advance(Duration.ofHours(1));
    assertEquals(20.0, bucket.availablePermits(), 1e-9);
    for (int i = 0; i < 21; i++) {
      bucket.acquire();
    }
    assertEquals(List.of(Duration.ofMillis(100)), time.sleeps());
  }

  @Test
  void aPartlyRefilledBucketWaitsOnlyForTheRemainder() throws Exception {
    FakeTime time = new FakeTime();
    TokenBucket bucket = new TokenBucket(4, 1, time, time);
    bucket.acquire();
    time.advance(Duration.ofMillis(100));
    bucket.acquire();
    assertEquals(List.of(Duration.ofMillis(150)), time.sleeps());
  }

  @Test
  void manyThreadsNeverExceedRateTimesElapsedPlusBurst() throws Exception {
    AtomicLong now = new AtomicLong(0);
    int burst = 20;
    long interval = 100_000_000L; // 10 per second
    TokenBucket bucket = new TokenBucket(10, burst, now::get, d -> { });
    int threads = 16;
    int perThread = 150;
    List<Long> permits = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean running = new AtomicBoolean(true);
    Thread ticker = new Thread(() -> {
      while (running.get()) {
        now.addAndGet(ThreadLocalRandom.current().nextLong(1, 30_000_000L));
        Thread.onSpinWait();
      }
    });
    ticker.start();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < perThread; i++) {
          permits.add(bucket.reserve());
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(10, TimeUnit.SECONDS);
    }
    running.set(false);
    ticker.join();
    pool.shutdown();

    long[] at = permits.stream().mapToLong(Long::longValue).sorted().toArray();
    assertEquals(threads * perThread, at.length);
    for (int i = 0; i < at.length; i++) {
      for (int j = i; j < at.length; j++) {
        long allowed = (at[j] - at[i]) / interval + burst;
        if (j - i + 1 > allowed) {
          fail("permits " + i + ".." + j + " exceed rate x time + burst");
        }
      }
    }
  }

  @Test
  void waitingThreadsEachGetTheirOwnSlot() throws Exception {
    FakeTime frozen = new FakeTime(false);
    TokenBucket bucket = new TokenBucket(10, 5, frozen, frozen);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      done.add(pool.submit(() -> {
        bucket.acquire();
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get(10, TimeUnit.SECONDS);
    }
    pool.shutdown();
    List<Long> waits = frozen.sleeps().stream().map(Duration::toMillis).sorted().toList();
    List<Long> slots = new ArrayList<>();
    for (long k = 1; k <= 15; k++) {
      slots.add(k * 100);
    }
    assertEquals(slots, waits);
  }

  @Test
  void anInterruptedWaitThrowsAndGivesThePermitBack() throws Exception {
    FakeTime time = new FakeTime();
    TokenBucket bucket = new TokenBucket(1, 1, time, d -> {
      throw new InterruptedException();
    });
    bucket.acquire();
    double before = bucket.availablePermits();
    assertThrows(InterruptedIOException.class, bucket::acquire);
    assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
    assertEquals(before, bucket.availablePermits(), 1e-9);
  }
}
