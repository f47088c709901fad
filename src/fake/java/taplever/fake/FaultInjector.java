package taplever.fake;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Fails every Nth data request, rotating through a 5xx with an error body, a 200 whose body stops
 * mid-JSON and a connection dropped without a response. A retry of a request that was just failed
 * always succeeds (the fault moves on to the next request), so a tap that retries is guaranteed to
 * get through.
 */
final class FaultInjector {
  enum Kind {
    NONE,
    SERVER_ERROR,
    TRUNCATED,
    DROP
  }

  /** What to do with one request; {@code status} is 500 or 503 for {@link Kind#SERVER_ERROR}. */
  record Fault(Kind kind, int status) {
    static final Fault NONE = new Fault(Kind.NONE, 200);
  }

  private static final int REMEMBERED = 10_000;
  private final int every;
  private final Set<String> failed = new LinkedHashSet<>();
  private long counted;
  private long injected;
  private boolean pending;

  FaultInjector(int every) {
    this.every = every;
  }

  /**
   * Decides the fate of the request identified by {@code requestKey} (credential + method + URI).
   */
  synchronized Fault next(String requestKey) {
    if (every <= 0) {
      return Fault.NONE;
    }
    counted++;
    boolean retry = failed.remove(requestKey);
    if (!pending && counted % every != 0) {
      return Fault.NONE;
    }
    if (retry) {
      pending = true;
      return Fault.NONE;
    }
    pending = false;
    if (failed.size() >= REMEMBERED) {
      failed.remove(failed.iterator().next());
    }
    failed.add(requestKey);
    long n = injected++;
    return switch ((int) (n % 3)) {
      case 0 -> new Fault(Kind.SERVER_ERROR, (n / 3) % 2 == 0 ? 500 : 503);
      case 1 -> new Fault(Kind.TRUNCATED, 200);
      default -> new Fault(Kind.DROP, 0);
    };
  }

  synchronized long injected() {
    return injected;
  }
}
