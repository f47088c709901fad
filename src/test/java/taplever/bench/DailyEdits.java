package taplever.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import taplever.fake.FakeDataset;
import taplever.testing.SteppedClock;

/**
 * One simulated day of recruiting on the fake Lever, before that day's run: profile updates, new
 * candidates and archivals, which Lever signals through updatedAt, and offer status changes, which
 * it does not (reference §9.1), on live and on archived opportunities. The edits are spread evenly
 * between the previous run and this one, as recruiters' work is, so no edit sits exactly on a
 * window's bound. Targets come from a seeded random source and the dataset's own ordered id
 * lists, so two months with the same seed make the same edits whatever policy the tap runs.
 */
final class DailyEdits {
  /** How much happens per day. */
  record Workload(int touches, int additions, int archivals, int liveEdits, int archivedEdits) {
    /** The day at 100,000 opportunities (a few hundred updates), scaled to {@code n}. */
    static Workload scaledTo(int n) {
      double f = n / 100_000.0;
      return new Workload(atLeastOne(300 * f), atLeastOne(20 * f), atLeastOne(20 * f), 20, 20);
    }

    private static int atLeastOne(double x) {
      return Math.max(1, (int) Math.round(x));
    }
  }

  /** What a day did. */
  record Day(int touched, int added, int archived, int liveEdits, int archivedEdits) {}

  /** Lever's offer statuses, each mapped to a plausible next one. */
  private static final Map<String, String> NEXT_STATUS = Map.of(
      "draft", "approval-sent", "approval-sent", "approved", "approved", "sent",
      "sent", "opened", "sent-manually", "signed", "opened", "signed",
      "denied", "approval-sent", "signed", "opened");
  private static final int TRIES_PER_EDIT = 200;

  private final FakeDataset lever;
  private final SteppedClock clock;
  private final OfferLookup offers;
  private final Workload workload;
  private final ArrivalLedger ledger;
  private final Random random;
  // Each offer changes at most once a month, so every edit can be seen arriving (a second change
  // would hide the first) and the choice never depends on what the tap under test delivered.
  private final Set<String> edited = new HashSet<>();

  private Instant at;
  private Duration step;

  DailyEdits(FakeDataset lever, SteppedClock clock, OfferLookup offers, Workload workload,
      ArrivalLedger ledger, Random random) {
    this.lever = lever;
    this.clock = clock;
    this.offers = offers;
    this.workload = workload;
    this.ledger = ledger;
    this.random = random;
  }

  /** The edits of {@code day}, made between {@code from} and {@code to} on the fake's clock. */
  Day apply(int day, Instant from, Instant to) {
    int planned = workload.touches() + workload.additions() + workload.archivals()
        + workload.liveEdits() + workload.archivedEdits();
    at = from;
    step = Duration.between(from, to).dividedBy(planned);
    Set<String> signalled = new HashSet<>();
    List<String> all = lever.opportunityIds();
    for (int i = 0; i < workload.touches(); i++) {
      String id = all.get(random.nextInt(all.size()));
      tick();
      lever.touchOpportunity(id);
      signalled.add(id);
    }
    for (int i = 0; i < workload.additions(); i++) {
      tick();
      signalled.add(lever.addOpportunity());
    }
    List<String> live = lever.liveOpportunityIds();
    int archived = 0;
    for (int i = 0; i < workload.archivals() && !live.isEmpty(); i++) {
      String id = live.get(random.nextInt(live.size()));
      if (signalled.add(id)) {
        tick();
        lever.archiveOpportunity(id);
        archived++;
      }
    }
    // Picked after the archivals, among opportunities nothing else touched today: these edits
    // can only arrive through the child refresh (or a later, unrelated update).
    int liveEdits = silentEdits(lever.liveOpportunityIds(), workload.liveEdits(), true, day,
        signalled);
    int archivedEdits = silentEdits(lever.archivedOpportunityIds(), workload.archivedEdits(),
        false, day, signalled);
    return new Day(workload.touches(), workload.additions(), archived, liveEdits, archivedEdits);
  }

  private void tick() {
    at = at.plus(step);
    clock.set(at);
  }

  private int silentEdits(List<String> among, int wanted, boolean live, int day,
      Set<String> signalled) {
    int made = 0;
    for (int tries = 0; made < wanted && tries < wanted * TRIES_PER_EDIT && !among.isEmpty();
        tries++) {
      String opportunity = among.get(random.nextInt(among.size()));
      if (signalled.contains(opportunity)) {
        continue;
      }
      List<String> ids = lever.offerIds(opportunity);
      if (ids.isEmpty()) {
        continue;
      }
      String offer = ids.get(random.nextInt(ids.size()));
      if (!edited.add(offer)) {
        continue;
      }
      String status = NEXT_STATUS.getOrDefault(offers.status(opportunity, offer).orElse(""),
          "signed");
      tick();
      lever.changeOfferStatus(offer, status);
      ledger.edited(new ArrivalLedger.SilentEdit(offer, opportunity, status, day, live));
      signalled.add(opportunity);
      made++;
    }
    return made;
  }
}
