package taplever.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake's live ground truth: deterministic from (seed, opportunities), then changed only by the
 * mutation methods, which are thread-safe and take "now" from the injected clock. Every record is
 * in Lever's raw shape: account-level collections as Jackson {@link ObjectNode}s, opportunities as
 * compact JSON bytes ({@link OpportunityEntry}), their children regenerated from the seed on demand
 * (or stored once changed), so 100k opportunities take about 400 MB.
 */
public final class FakeDataset {
  private static final List<String> TIME_SORTED =
      List.of(
          "users",
          "postings",
          "requisitions",
          "audit_events",
          "feedback_templates",
          "form_templates");

  /** Every stream name {@link #records(String)} accepts, in ground-truth order. */
  public static final List<String> STREAMS = GroundTruth.STREAMS;

  /**
   * A list endpoint's records in serving order; {@code keyOrdered}: sorted {@link
   * ListItem#NEWEST_FIRST}.
   */
  record Listing(List<ListItem> items, boolean keyOrdered) {}

  private record State(OpportunityTable opportunities, List<ListItem> deleted) {}

  private final Clock clock;
  private final ObjectMapper mapper = new ObjectMapper();
  private final ReferenceData ref;
  private final DatasetGenerator datasetGenerator;
  private final OpportunityGenerator opportunityGenerator;
  private final ChildGenerator childGenerator;
  private final ChildStore children;
  private final Map<String, Listing> listings = new HashMap<>();
  private final Map<String, OpportunityEntry> byId = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private volatile State state;
  private Map<String, String> offerOwners;
  private int nextGenIndex;

  private FakeDataset(long seed, int opportunities, Clock clock) {
    this.clock = clock;
    this.datasetGenerator = new DatasetGenerator(seed, mapper);
    DatasetGenerator.Generated g = datasetGenerator.generate(opportunities);
    this.ref = g.ref();
    this.opportunityGenerator = g.opportunityGenerator();
    this.childGenerator = g.childGenerator();
    this.children = new ChildStore(childGenerator, mapper);
    this.nextGenIndex = opportunities;
    putListing("users", ref.users, "id");
    putListing("postings", ref.postings, "id");
    putListing("requisitions", ref.requisitions, "id");
    putListing("audit_events", g.auditEvents(), "id");
    putListing("feedback_templates", ref.feedbackTemplates, "id");
    putListing("form_templates", ref.formTemplates, "id");
    putListing("stages", ref.stages, "id");
    putListing("archive_reasons", ref.archiveReasons, "id");
    putListing("requisition_fields", ref.requisitionFields, "id");
    putListing("sources", g.sources(), "text");
    putListing("tags", g.tags(), "text");
    OpportunityEntry[] sorted = g.opportunities().toArray(OpportunityEntry[]::new);
    Arrays.sort(sorted, ListItem.NEWEST_FIRST);
    for (OpportunityEntry entry : sorted) {
      byId.put(entry.id(), entry);
    }
    List<ListItem> deleted = new ArrayList<>();
    g.deleted().forEach(node -> deleted.add(ListItem.of(node, "deletedAt", "id")));
    deleted.sort(ListItem.NEWEST_FIRST);
    this.state = new State(new OpportunityTable(sorted), List.copyOf(deleted));
  }

  /**
   * Generates the dataset for ({@code seed}, {@code opportunities}); {@code clock} is used only by
   * mutations.
   */
  public static FakeDataset generate(long seed, int opportunities, Clock clock) {
    if (opportunities < 0) {
      throw new IllegalArgumentException("opportunities must be >= 0");
    }
    return new FakeDataset(seed, opportunities, clock);
  }

  private void putListing(String name, List<ObjectNode> nodes, String keyField) {
    boolean timeSorted = TIME_SORTED.contains(name);
    List<ListItem> items = new ArrayList<>(nodes.size());
    nodes.forEach(n -> items.add(ListItem.of(n, timeSorted ? "createdAt" : null, keyField)));
    if (timeSorted) {
      items.sort(ListItem.NEWEST_FIRST);
    }
    listings.put(name, new Listing(List.copyOf(items), timeSorted));
  }

  /**
   * Deep copies of the records a correct tap must deliver for {@code stream} (confidential and
   * deactivated ones included; child records carry the injected {@code opportunityId} / {@code
   * candidateId}).
   */
  public List<ObjectNode> records(String stream) {
    List<ObjectNode> records = new ArrayList<>();
    groundTruth().forEachRecord(stream, true, records::add);
    return records;
  }

  /**
   * Writes {@code {"<stream>": [records...], ...}} for every stream; does not close {@code out}.
   */
  public void writeGroundTruth(OutputStream out) throws IOException {
    groundTruth().write(out);
  }

  private GroundTruth groundTruth() {
    State s = state;
    return new GroundTruth(s.opportunities, s.deleted, listings, children, mapper);
  }

  // ---- mutations ----

  /** A profile change: {@code updatedAt} and {@code lastInteractionAt} become now. */
  public void touchOpportunity(String id) {
    synchronized (lock) {
      OpportunityEntry old = require(id);
      long now = clock.millis();
      ObjectNode node = old.node(mapper).put("updatedAt", now).put("lastInteractionAt", now);
      OpportunityEntry updated = old.withNode(node, mapper);
      OpportunityEntry[] sorted = state.opportunities.toArray();
      sorted[state.opportunities.indexOf(old)] = updated;
      byId.put(id, updated);
      state = new State(new OpportunityTable(sorted), state.deleted);
    }
  }

  /**
   * Changes an offer's status without touching its opportunity's {@code updatedAt} (Lever's
   * behaviour, §9.1).
   */
  public void changeOfferStatus(String offerId, String status) {
    synchronized (lock) {
      String opportunityId = offerOwners().get(offerId);
      OpportunityEntry entry = opportunityId == null ? null : byId.get(opportunityId);
      if (entry == null) {
        throw new IllegalArgumentException("no live offer " + offerId);
      }
      ChildSet set = children.get(entry);
      int index = set.indexOf(ChildKind.OFFERS, offerId);
      List<ObjectNode> offers = new ArrayList<>(set.get(ChildKind.OFFERS));
      offers.set(index, offers.get(index).deepCopy().put("status", status));
      children.put(opportunityId, set.with(ChildKind.OFFERS, offers));
    }
  }

  /**
   * Creates an opportunity now (createdAt = updatedAt = now) with a few children; returns its id.
   */
  public String addOpportunity() {
    synchronized (lock) {
      int genIndex = nextGenIndex++;
      long now = clock.millis();
      OpportunityEntry entry =
          datasetGenerator.entry(opportunityGenerator, childGenerator, genIndex, now, node -> {});
      ChildSet set = childGenerator.generate(genIndex, entry.node(mapper), entry.candidacy, true);
      children.put(entry.id(), set);
      if (offerOwners != null) {
        set.get(ChildKind.OFFERS).forEach(o -> offerOwners.put(o.get("id").asText(), entry.id()));
      }
      List<OpportunityEntry> current = state.opportunities.entries;
      int at = -state.opportunities.indexOf(entry) - 1;
      OpportunityEntry[] sorted = new OpportunityEntry[current.size() + 1];
      for (int i = 0, j = 0; i < sorted.length; i++) {
        sorted[i] = i == at ? entry : current.get(j++);
      }
      byId.put(entry.id(), entry);
      state = new State(new OpportunityTable(sorted), state.deleted);
      return entry.id();
    }
  }

  /**
   * Hard-deletes an opportunity: it leaves /opportunities, joins /opportunities/deleted (deletedAt
   * = now, deletedBy = a user) and its child endpoints answer 404 from now on.
   */
  public void deleteOpportunity(String id) {
    synchronized (lock) {
      OpportunityEntry old = require(id);
      long now = clock.millis();
      ObjectNode node =
          old.node(mapper)
              .put("deletedBy", ref.users.get(0).get("id").asText())
              .put("deletedAt", now);
      List<OpportunityEntry> remaining = new ArrayList<>(state.opportunities.entries);
      remaining.remove(state.opportunities.indexOf(old));
      List<ListItem> deleted = new ArrayList<>(state.deleted);
      deleted.add(ListItem.of(node, "deletedAt", "id"));
      deleted.sort(ListItem.NEWEST_FIRST);
      byId.remove(id);
      children.remove(id);
      state =
          new State(
              new OpportunityTable(remaining.toArray(OpportunityEntry[]::new)),
              List.copyOf(deleted));
    }
  }

  private OpportunityEntry require(String id) {
    OpportunityEntry entry = id == null ? null : byId.get(id);
    if (entry == null) {
      throw new IllegalArgumentException("no live opportunity " + id);
    }
    return entry;
  }

  private Map<String, String> offerOwners() {
    if (offerOwners == null) {
      Map<String, String> owners = new HashMap<>();
      for (OpportunityEntry entry : state.opportunities.entries) {
        children
            .get(entry)
            .get(ChildKind.OFFERS)
            .forEach(o -> owners.put(o.get("id").asText(), entry.id()));
      }
      offerOwners = owners;
    }
    return offerOwners;
  }

  // ---- read access for the HTTP side ----

  ObjectMapper mapper() {
    return mapper;
  }

  List<OpportunityEntry> opportunities() {
    return state.opportunities.entries;
  }

  OpportunityTable opportunityTable() {
    return state.opportunities;
  }

  List<ListItem> deleted() {
    return state.deleted;
  }

  OpportunityEntry opportunity(String id) {
    return byId.get(id);
  }

  ChildSet children(OpportunityEntry entry) {
    return children.get(entry);
  }

  Listing listing(String name) {
    return listings.get(name);
  }
}
