package taplever.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Generates opportunities (§7.1) in Lever's raw shape. Opportunity {@code genIndex} is a pure
 * function of (seed, genIndex, reference data), so its children can be regenerated later by {@link
 * ChildGenerator} from the same {@link Candidacy}.
 */
final class OpportunityGenerator {
  private static final long DAY = DatasetGenerator.DAY_MS;
  private static final long START = DatasetGenerator.START_MS;
  private static final long END = DatasetGenerator.END_MS;
  private final long seed;
  private final ReferenceData ref;
  private final ContactGenerator contacts;
  private final double liveShare;
  private final boolean newFields;

  /**
   * The facts an opportunity and its children must agree on; {@code fresh}: created by a mutation
   * (all its timestamps are its creation time).
   */
  record Candidacy(
      String applicationId,
      String applicationType,
      String origin,
      ObjectNode posting,
      boolean confidential,
      boolean legacy,
      long createdAt,
      boolean fresh) {}

  OpportunityGenerator(DatasetSpec spec, ReferenceData ref, ContactGenerator contacts) {
    this.seed = spec.seed();
    this.ref = ref;
    this.contacts = contacts;
    this.liveShare = spec.liveShare();
    this.newFields = spec.newFields();
  }

  /** The id of opportunity {@code genIndex}: the first draw of its stream, cheap to recompute. */
  String id(int genIndex) {
    return SeededRandom.of(seed, 100, genIndex).uuid();
  }

  /**
   * The candidacy of generated opportunity {@code genIndex}; {@code now} > 0 forces a brand-new
   * one.
   */
  Candidacy candidacy(int genIndex, long now) {
    SeededRandom rnd = SeededRandom.of(seed, 101, genIndex);
    String origin = rnd.pick(SampleText.ORIGINS);
    String type =
        switch (origin) {
          case "referred" -> "referral";
          case "sourced", "internal" -> "user";
          default -> "posting";
        };
    String applicationId = rnd.chance(0.92) || now > 0 ? rnd.uuid() : null;
    boolean confidential = rnd.chance(0.05);
    ObjectNode posting =
        !"user".equals(type) || rnd.chance(0.6) ? ref.postingFor(rnd, confidential) : null;
    boolean legacy = now <= 0 && rnd.chance(0.05);
    long createdAt =
        now > 0
            ? now
            : legacy ? rnd.between(START, START + 540 * DAY) : rnd.between(START, END - DAY);
    return new Candidacy(
        applicationId, type, origin, posting, confidential, legacy, createdAt, now > 0);
  }

  /**
   * Opportunity {@code genIndex} as first generated ({@code now} ≤ 0) or created at {@code now}.
   */
  ObjectNode opportunity(int genIndex, Candidacy c, long now) {
    SeededRandom rnd = SeededRandom.of(seed, 100, genIndex);
    boolean fresh = now > 0;
    String id = rnd.uuid();
    ContactGenerator.Contact contact = contacts.forOpportunity(genIndex);
    long createdAt = c.createdAt();
    long horizon = c.legacy() ? START + 600 * DAY : END;
    long lastInteractionAt =
        fresh ? now : rnd.between(createdAt, Math.min(horizon, createdAt + 300 * DAY));
    long updatedAt =
        fresh
            ? now
            : rnd.between(lastInteractionAt, Math.min(horizon, lastInteractionAt + 60 * DAY));
    boolean archived = !fresh && rnd.nextDouble() >= liveShare;
    boolean hired = archived && rnd.chance(0.2);
    ObjectNode opp = Nodes.object().put("id", id).put("name", contact.name());
    if (contact.headline() != null) {
      opp.put("headline", contact.headline());
    } else if (rnd.chance(0.6)) {
      opp.putNull("headline"); // else absent, as on some of Lever's examples
    }
    opp.put("contact", contact.id());
    opp.set("emails", contact.emails().deepCopy());
    opp.set("phones", contact.phones().deepCopy());
    if (!c.legacy() || c.confidential()) {
      opp.put("confidentiality", c.confidential() ? "confidential" : "non-confidential");
    }
    opp.put("location", contact.location());
    opp.set("links", Nodes.strings(contact.links()));
    if (archived) {
      opp.putObject("archived")
          .put("archivedAt", rnd.between(lastInteractionAt, updatedAt))
          .put("reason", ref.archiveReasonId(rnd, hired));
    } else {
      opp.putNull("archived");
    }
    if (rnd.chance(0.5)) {
      opp.putNull("archivedAt").putNull("archiveReason");
    }
    int stageIndex = hired ? ref.stages.size() - 1 : rnd.between(0, ref.stages.size() - 1);
    long lastAdvancedAt = fresh ? now : rnd.between(createdAt, lastInteractionAt);
    opp.put("stage", ref.stages.get(stageIndex).get("id").asText());
    if (!c.legacy()) {
      opp.set("stageChanges", stageChanges(rnd, stageIndex, createdAt, lastAdvancedAt));
    }
    opp.put("owner", rnd.chance(0.9) ? ref.userId(rnd) : null);
    opp.set("tags", Nodes.strings(distinct(() -> rnd.pick(SampleText.TAGS), rnd.between(0, 3))));
    opp.set(
        "sources", Nodes.strings(distinct(() -> rnd.pick(SampleText.SOURCES), rnd.between(1, 2))));
    opp.put("origin", c.origin());
    opp.put("sourcedBy", "sourced".equals(c.origin()) ? ref.userId(rnd) : null);
    opp.set(
        "applications",
        c.applicationId() == null ? Nodes.array() : Nodes.strings(c.applicationId()));
    if (rnd.chance(0.5)) {
      opp.putNull("resume");
    }
    opp.set("followers", Nodes.strings(distinct(() -> ref.userId(rnd), rnd.between(0, 3))));
    opp.put("createdAt", createdAt);
    if (!c.legacy()) {
      opp.put("updatedAt", updatedAt);
    }
    opp.put("lastInteractionAt", lastInteractionAt).put("lastAdvancedAt", lastAdvancedAt);
    double snooze = rnd.nextDouble();
    if (snooze < 0.7) {
      opp.putNull("snoozedUntil");
    } else if (snooze < 0.9) {
      opp.put("snoozedUntil", lastInteractionAt + rnd.between(1L, 60L) * DAY);
    }
    if (!c.legacy()) {
      opp.putObject("urls")
          .put("list", "https://hire.lever.co/candidates")
          .put("show", "https://hire.lever.co/candidates/" + id);
    }
    dataProtection(opp, rnd, updatedAt);
    if (!c.legacy()) {
      opp.put("isAnonymized", false);
    }
    if (c.posting() != null) {
      opp.put(
          "opportunityLocation",
          rnd.chance(0.1)
              ? "unspecified"
              : c.posting().path("categories").path("location").asText());
    }
    if (newFields) {
      addNewFields(opp, genIndex);
    }
    return opp;
  }

  /**
   * Schema drift: fields no schema declares, on some records only, from their own random stream so
   * the rest of the record is the same with or without them.
   */
  private void addNewFields(ObjectNode opp, int genIndex) {
    SeededRandom rnd = SeededRandom.of(seed, 107, genIndex);
    if (rnd.chance(0.4)) {
      opp.put("brandNewField", "added-" + rnd.hex(6));
    }
    if (opp.path("urls").isObject() && rnd.chance(0.4)) {
      ((ObjectNode) opp.get("urls"))
          .put("brandNewNested", "https://hire.lever.co/new/" + opp.get("id").asText());
    }
  }

  /**
   * A deleted opportunity of the initial dataset: generated like any other plus deletedAt /
   * deletedBy.
   */
  ObjectNode deleted(int deletedIndex) {
    int genIndex = -1 - deletedIndex;
    ObjectNode opp = opportunity(genIndex, candidacy(genIndex, 0), 0);
    SeededRandom rnd = SeededRandom.of(seed, 102, deletedIndex);
    long after =
        Math.max(Nodes.millis(opp, "updatedAt", 0), Nodes.millis(opp, "lastInteractionAt", 0));
    opp.put("deletedBy", ref.userId(rnd)).put("deletedAt", rnd.between(after, END));
    return opp;
  }

  private ArrayNode stageChanges(SeededRandom rnd, int stageIndex, long from, long to) {
    ArrayNode changes = Nodes.array();
    int first = Math.min(stageIndex, rnd.between(0, 3));
    long at = from;
    for (int i = first; i <= stageIndex; i++) {
      at = i == stageIndex ? to : rnd.between(at, to);
      changes
          .addObject()
          .put("toStageId", ref.stages.get(i).get("id").asText())
          .put("toStageIndex", i)
          .put("userId", rnd.chance(0.9) ? ref.userId(rnd) : null)
          .put("updatedAt", at);
      if (i < stageIndex && rnd.chance(0.4)) {
        i++;
      }
    }
    return changes;
  }

  private static void dataProtection(ObjectNode opp, SeededRandom rnd, long updatedAt) {
    double r = rnd.nextDouble();
    if (r < 0.5) {
      opp.putNull("dataProtection");
    } else if (r < 0.8) {
      ObjectNode dp = opp.putObject("dataProtection");
      dp.putObject("store").put("allowed", true).put("expiresAt", updatedAt + 730 * DAY);
      dp.putObject("contact").put("allowed", rnd.chance(0.7)).putNull("expiresAt");
    }
  }

  private static Set<String> distinct(Supplier<String> pool, int count) {
    Set<String> picked = new LinkedHashSet<>();
    for (int i = 0; i < count * 2 && picked.size() < count; i++) {
      picked.add(pool.get());
    }
    return picked;
  }
}
