package taplever.sync.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import taplever.singer.Bookmark;
import taplever.singer.TapState;
import taplever.streams.Endpoint;
import taplever.streams.Replication;

/**
 * Decides which children Lever may have edited silently get read again this run, beyond those of
 * the parents in the window. Pure: the rules are tested alone.
 *
 * <ul>
 *   <li><b>Live</b>: the children of parents in the live pipeline ({@code archived=false}) and of
 *       those archived in the last {@link #RECENTLY_ARCHIVED}, every run: that is where offers
 *       move and feedback is edited, and the list filter finds them cheaply.
 *   <li><b>Rolling</b>: the archived parents, walked newest first in windows of creation time,
 *       a share per run proportional to the time since the last run (at most the usual time
 *       between runs, and at least a day's worth, so a run after a long pause does not pay for
 *       every missed day while weekly runs still keep the period), sized so a whole cycle takes
 *       {@code 1 / }{@link #MARGIN} of {@code child_full_refresh_days}: each is read again within
 *       the period.
 * </ul>
 *
 * @param live silently edited children read for live parents (none in a full pass)
 * @param rolling the slice of archived parents this run walks, if any
 * @param adopters children whose full pass this run makes them join the rolling cycle after it
 */
public record RefreshPlan(List<Participant> live, Optional<Slice> rolling, List<Participant> adopters,
    Optional<Endpoint.Pipeline> pipeline) {

  public static final Duration RECENTLY_ARCHIVED = Duration.ofDays(7);
  /** A cycle is paced to end after 80% of the period: late runs and growth have room. */
  static final double MARGIN = 1.25;
  static final Duration SHARE_CAP = Duration.ofDays(1);
  public static final Duration MIN_WINDOW = Duration.ofHours(1);

  /**
   * One run's part of the rolling cycle.
   *
   * @param from the cycle as the state left it
   * @param quota parents to walk this run, when the cycle's size is known
   * @param floor the creation time down to which this run walks, when it is not (the first cycle
   *     after a v0.1 state)
   * @param participants the children read for the walked parents
   */
  public record Slice(Bookmark.Rolling from, long quota, Optional<Instant> floor,
      List<Participant> participants) {}

  static RefreshPlan none() {
    return new RefreshPlan(List.of(), Optional.empty(), List.of(), Optional.empty());
  }

  /**
   * @param plan the window this run reads; its children that need a full pass read every parent
   *     anyway
   * @param rolling {@code child_refresh} is rolling (else the v0.1 periodic full pass applies)
   */
  public static RefreshPlan of(WindowPlan plan, TapState state, Instant startDate, Instant syncStart,
      Duration period, boolean rolling) {
    Optional<Endpoint.Pipeline> pipeline = plan.top().endpoint().flatMap(Endpoint::pipeline);
    if (!rolling || pipeline.isEmpty()) {
      return none();
    }
    List<Participant> live = new ArrayList<>();
    List<Participant> adopters = new ArrayList<>();
    List<Participant> walkers = new ArrayList<>();
    for (Participant c : plan.children()) {
      if (!silent(c)) {
        continue;
      }
      if (c.fullPass()) {
        adopters.add(c);
      } else {
        live.add(c);
        walkers.add(c);
      }
    }
    if (period.isZero() || (walkers.isEmpty() && adopters.isEmpty())) {
      return new RefreshPlan(live, Optional.empty(), List.of(), pipeline);
    }
    Optional<Bookmark.Rolling> current = walkers.stream()
        .map(c -> state.bookmark(c.name()).rolling().orElseGet(() -> fromV01(state, c, syncStart)))
        .min(Comparator.comparing(Bookmark.Rolling::cycleStart)
            .thenComparing(Bookmark.Rolling::position, Comparator.reverseOrder()));
    Optional<Slice> slice = current.map(r -> slice(r, walkers, startDate, syncStart, period));
    return new RefreshPlan(live, slice, adopters, pipeline);
  }

  /** A cycle for a full pass that just read every parent's children. */
  public static Bookmark.Rolling freshCycle(Instant syncStart, Instant startDate, long archived,
      Duration period) {
    Duration window = share(Duration.between(startDate, syncStart), SHARE_CAP, period);
    return new Bookmark.Rolling(syncStart, syncStart, window, Optional.empty(), 0, archived,
        syncStart);
  }

  /** The next cycle, once a cycle has walked down to the start date. */
  public static Bookmark.Rolling nextCycle(Bookmark.Rolling done, Instant startDate, Instant syncStart,
      Duration period) {
    return new Bookmark.Rolling(syncStart, syncStart,
        share(Duration.between(startDate, syncStart), SHARE_CAP, period), Optional.empty(), 0,
        done.done(), done.lastRun()).ranAt(syncStart);
  }

  private static boolean silent(Participant c) {
    return c.selection().spec().replication().perParentFetch()
        .map(Replication.ChildFetch.PerParent::silentEdits).orElse(false);
  }

  /**
   * A v0.1 state knows only when the last full pass ended: the archived parents were read then,
   * and the cycle starts from there with an unknown size.
   */
  private static Bookmark.Rolling fromV01(TapState state, Participant c, Instant syncStart) {
    Instant last = state.bookmark(c.name()).childrenRefreshedAt()
        .filter(t -> !t.isAfter(syncStart)).orElse(syncStart);
    return new Bookmark.Rolling(last, last, MIN_WINDOW, Optional.empty(), 0, 0, last);
  }

  private static Slice slice(Bookmark.Rolling r, List<Participant> walkers, Instant startDate,
      Instant syncStart, Duration period) {
    // Time since the last run, up to the usual time between runs (at least a day): a run after
    // a pause takes one usual share, not every missed one, yet weekly runs keep the period.
    Duration since = Duration.between(r.lastRun(), syncStart);
    Duration cap = r.gap().compareTo(SHARE_CAP) > 0 ? r.gap() : SHARE_CAP;
    Duration elapsed = since.isNegative() ? Duration.ZERO : since.compareTo(cap) > 0 ? cap : since;
    if (r.total() > 0) {
      long quota = (long) Math.ceil(MARGIN * r.total() * fraction(elapsed, period));
      return new Slice(r, Math.max(1, quota), Optional.empty(), List.copyOf(walkers));
    }
    Duration span = share(Duration.between(startDate, r.cycleStart()), elapsed, period);
    Instant floor = r.position().minus(span);
    return new Slice(r, Long.MAX_VALUE, Optional.of(floor.isBefore(startDate) ? startDate : floor),
        List.copyOf(walkers));
  }

  /**
   * {@code MARGIN × length × elapsed / period}, at least {@link #MIN_WINDOW} and at most
   * {@link Bookmark#LONGEST}. Reckoned in doubles, so no product overflows whatever the start
   * date (the config's is not bounded below, the state's instants are), and saturated at what a
   * state may hold: a longer window reaches below any start date anyway.
   */
  private static Duration share(Duration length, Duration elapsed, Duration period) {
    double millis = MARGIN * millis(length) * fraction(elapsed, period);
    if (millis >= Bookmark.LONGEST.toMillis()) {
      return Bookmark.LONGEST;
    }
    Duration d = Duration.ofMillis((long) millis);
    return d.compareTo(MIN_WINDOW) < 0 ? MIN_WINDOW : d;
  }

  /**
   * {@code elapsed / period}. The quota's {@code MARGIN × total × fraction} stays below 2^63: the
   * state holds at most {@link Bookmark#MOST} parents, elapsed is at most
   * {@link Bookmark#LONGEST} and the period at least a day, about 4.6 × 10^18 at worst.
   */
  private static double fraction(Duration elapsed, Duration period) {
    return period.isZero() ? 1 : millis(elapsed) / millis(period);
  }

  /** {@link Duration#toMillis}, as a double that cannot overflow. */
  private static double millis(Duration d) {
    return d.getSeconds() * 1000.0 + d.getNano() / 1_000_000;
  }
}
