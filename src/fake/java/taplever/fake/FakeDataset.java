package taplever.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The fake's live ground truth: deterministic from its {@link FakeLeverOptions} (seed, count, live
 * share, new fields), then changed only by the mutation methods, which are thread-safe and take
 * "now" from the injected clock. Every record is in Lever's raw shape: account-level collections as
 * Jackson {@link ObjectNode}s, opportunities as compact JSON bytes ({@link OpportunityEntry}),
 * their children, contacts and EEO answers regenerated from the seed on demand (with the lists a
 * mutation changed laid over them), so 100k opportunities take about 400 MB.
 *
 * <p>Mutations that Lever signals through the opportunity's {@code updatedAt}: {@link
 * #touchOpportunity}, {@link #archiveOpportunity}, {@link #unarchiveOpportunity}, {@link
 * #addOpportunity}, {@link #deleteOpportunity}. Ones it does not (§9.1): {@link
 * #changeOfferStatus}, {@link #editFeedbackAnswers}, {@link #rescheduleInterview}, {@link
 * #cancelInterview}, {@link #deleteNote}. Child mutations find their record by id alone and cost
 * O(1); opportunity mutations copy the sorted arrays (about 0.2 ms at 100k).
 */
public final class FakeDataset {
  /** Every stream name {@link #records(String)} accepts, in ground-truth order. */
  public static final List<String> STREAMS = ExpectedRecords.STREAMS;

  /**
   * A list endpoint's records in serving order; {@code keyOrdered}: sorted {@link
   * ListItem#NEWEST_FIRST}.
   */
  record Listing(List<ListItem> items, boolean keyOrdered) {}

  private final Clock clock;
  private final ObjectMapper mapper = new ObjectMapper();
  private final ReferenceData ref;
  private final DatasetGenerator datasetGenerator;
  private final OpportunityGenerator opportunityGenerator;
  private final ChildGenerator childGenerator;
  private final ContactGenerator contactGenerator;
  private final EeoGenerator eeoGenerator;
  private final ChildStore children;
  private final AccountListings listings;
  private final LiveOpportunities live;
  private final Object lock = new Object();
  private final ChildEdits.Applier childEdits;

  private FakeDataset(DatasetSpec spec, Clock clock) {
    this.clock = clock;
    this.datasetGenerator = new DatasetGenerator(spec, mapper);
    DatasetGenerator.Generated g = datasetGenerator.generate();
    this.ref = g.ref();
    this.opportunityGenerator = g.opportunityGenerator();
    this.childGenerator = g.childGenerator();
    this.contactGenerator = g.contactGenerator();
    this.eeoGenerator = g.eeoGenerator();
    this.children = new ChildStore(childGenerator, mapper);
    this.listings = AccountListings.of(g);
    OpportunityEntry[] sorted = g.opportunities().toArray(OpportunityEntry[]::new);
    Arrays.sort(sorted, ListItem.NEWEST_FIRST);
    List<ListItem> eeo = new ArrayList<>();
    for (OpportunityEntry entry : sorted) {
      ListItem response = eeoItem(entry);
      if (response != null) {
        eeo.add(response);
      }
    }
    eeo.sort(ListItem.NEWEST_FIRST);
    List<ListItem> deleted = new ArrayList<>();
    g.deleted().forEach(node -> deleted.add(ListItem.of(node, "deletedAt", "id")));
    deleted.sort(ListItem.NEWEST_FIRST);
    this.live =
        new LiveOpportunities(
            new DatasetSnapshot(
                new OpportunityTable(sorted), List.copyOf(deleted), List.copyOf(eeo)),
            spec.opportunities());
    this.childEdits =
        new ChildEdits.Applier(live, children, childGenerator, opportunityGenerator, lock);
  }

  /**
   * Generates the default dataset for ({@code seed}, {@code opportunities}); {@code clock} is used
   * only by mutations and "now" defaults.
   */
  public static FakeDataset generate(long seed, int opportunities, Clock clock) {
    return new FakeDataset(
        new DatasetSpec(seed, opportunities, DatasetSpec.DEFAULT_LIVE_SHARE, false), clock);
  }

  /** Generates the dataset {@code options} describe (what {@link FakeLever} serves). */
  public static FakeDataset generate(FakeLeverOptions options) {
    return new FakeDataset(
        new DatasetSpec(
            options.seed(), options.opportunities(), options.liveShare(), options.newFields()),
        options.clock());
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

  private ExpectedRecords groundTruth() {
    return new ExpectedRecords(live.snapshot(), listings.all(), children, this, mapper);
  }

  /** Every name, e-mail, phone and link the dataset holds (see {@link PlantedPii}). */
  public PlantedPii personalData() {
    return new PersonalDataCollector(this, mapper).collect(live.snapshot(), listings.get("users"));
  }

  // ---- read helpers: deterministic targets for tests and benchmarks ----

  /** Ids of all live opportunities (confidential ones included), in serving order. */
  public List<String> opportunityIds() {
    return ids(t -> true);
  }

  /** Ids of the live opportunities that are not archived, in serving order. */
  public List<String> liveOpportunityIds() {
    return ids(e -> !e.archived);
  }

  /** Ids of the live opportunities that are archived, in serving order. */
  public List<String> archivedOpportunityIds() {
    return ids(e -> e.archived);
  }

  private List<String> ids(Predicate<OpportunityEntry> wanted) {
    List<String> ids = new ArrayList<>();
    for (OpportunityEntry e : live.snapshot().opportunities().entries) {
      if (wanted.test(e)) {
        ids.add(e.id());
      }
    }
    return ids;
  }

  public List<String> offerIds(String opportunityId) {
    return children.get(require(opportunityId)).ids(ChildKind.OFFERS);
  }

  public List<String> feedbackIds(String opportunityId) {
    return children.get(require(opportunityId)).ids(ChildKind.FEEDBACK);
  }

  public List<String> interviewIds(String opportunityId) {
    return children.get(require(opportunityId)).ids(ChildKind.INTERVIEWS);
  }

  public List<String> noteIds(String opportunityId) {
    return children.get(require(opportunityId)).ids(ChildKind.NOTES);
  }

  /** Ids of the postings {@code /postings} serves (deleted ones excluded), in serving order. */
  public List<String> postingIds() {
    return listings.get("postings").items().stream().map(i -> i.key).toList();
  }

  // ---- mutations Lever signals through the opportunity's updatedAt ----

  /** A profile change: {@code updatedAt} and {@code lastInteractionAt} become now. */
  public void touchOpportunity(String id) {
    synchronized (lock) {
      OpportunityEntry old = require(id);
      long now = clock.millis();
      replace(old, old.node(mapper).put("updatedAt", now).put("lastInteractionAt", now), false);
    }
  }

  /**
   * Archives with the account's first active non-hired reason; see {@link
   * #archiveOpportunity(String, String)}.
   */
  public void archiveOpportunity(String id) {
    archiveOpportunity(id, ref.defaultArchiveReasonId());
  }

  /**
   * Archives a live opportunity: {@code archived = {archivedAt: now, reason}}, {@code updatedAt}
   * and {@code lastInteractionAt} = now; its application's {@code archived} follows (a hired reason
   * also sets {@code requisitionForHire} and the EEO row's {@code hiredDate}).
   */
  public void archiveOpportunity(String id, String reasonId) {
    if (!ref.isArchiveReason(reasonId)) {
      throw new IllegalArgumentException("no archive reason " + reasonId);
    }
    synchronized (lock) {
      OpportunityEntry old = require(id);
      if (old.archived) {
        throw new IllegalArgumentException("opportunity " + id + " is already archived");
      }
      long now = clock.millis();
      ObjectNode node = old.node(mapper).put("updatedAt", now).put("lastInteractionAt", now);
      node.putObject("archived").put("archivedAt", now).put("reason", reasonId);
      replace(old, node, true);
    }
  }

  /** Unarchives: {@code archived = null}, {@code updatedAt} and {@code lastInteractionAt} = now. */
  public void unarchiveOpportunity(String id) {
    synchronized (lock) {
      OpportunityEntry old = require(id);
      if (!old.archived) {
        throw new IllegalArgumentException("opportunity " + id + " is not archived");
      }
      long now = clock.millis();
      ObjectNode node = old.node(mapper).put("updatedAt", now).put("lastInteractionAt", now);
      node.putNull("archived");
      replace(old, node, true);
    }
  }

  private void replace(OpportunityEntry old, ObjectNode node, boolean applicationChanged) {
    OpportunityEntry updated =
        applicationChanged
            ? old.withNode(node, applicationsJson(old.genIndex, node, old.candidacy), mapper)
            : old.withNode(node, mapper);
    live.replace(old, updated);
    children.invalidate(updated.id());
  }

  private byte[] applicationsJson(
      int genIndex, ObjectNode node, OpportunityGenerator.Candidacy candidacy) {
    ArrayNode applications = Nodes.array();
    applications.addAll(childGenerator.applications(genIndex, node, candidacy));
    return ListItem.serialize(mapper, applications);
  }

  /**
   * Creates an opportunity now (createdAt = updatedAt = now) with a few children; returns its id.
   * Its contact may be an existing one (a returning candidate).
   */
  public String addOpportunity() {
    synchronized (lock) {
      OpportunityEntry entry =
          datasetGenerator.entry(
              opportunityGenerator, childGenerator, live.nextGenIndex(), clock.millis(), n -> {});
      live.insert(entry, eeoItem(entry));
      return entry.id();
    }
  }

  /**
   * Hard-deletes an opportunity: it leaves /opportunities (and its EEO row goes), joins
   * /opportunities/deleted (deletedAt = now, deletedBy = a user) and its child endpoints answer 404
   * from now on.
   */
  public void deleteOpportunity(String id) {
    synchronized (lock) {
      OpportunityEntry old = require(id);
      long now = clock.millis();
      ObjectNode node =
          old.node(mapper)
              .put("deletedBy", ref.users.get(0).get("id").asText())
              .put("deletedAt", now);
      live.remove(old, ListItem.of(node, "deletedAt", "id"), eeoItem(old));
      children.remove(id);
    }
  }

  /**
   * Deletes a posting: it leaves /postings and joins /postings/deleted with {@code deletedAt} = now
   * and {@code deletedBy} = a user. Opportunities that applied to it keep its id.
   */
  public void deletePosting(String postingId) {
    synchronized (lock) {
      listings.deletePosting(
          postingId, clock.millis(), ref.users.get(0).get("id").asText(), mapper);
    }
  }

  // ---- mutations Lever does not signal through the opportunity's updatedAt ----

  /** Changes an offer's status; the opportunity's {@code updatedAt} stays (§9.1). */
  public void changeOfferStatus(String offerId, String status) {
    childEdits.edit(ChildKind.OFFERS, offerId, (set, i) -> ChildEdits.offerStatus(set, i, status));
  }

  /**
   * Edits a feedback form's answers: the form's own {@code updatedAt} becomes now, the
   * opportunity's stays.
   */
  public void editFeedbackAnswers(String feedbackId) {
    long now = clock.millis();
    childEdits.edit(
        ChildKind.FEEDBACK, feedbackId, (set, i) -> ChildEdits.feedbackEdited(set, i, now));
  }

  /**
   * Moves an interview to {@code date} (epoch ms), in its panel's {@code interviews} too (whose
   * {@code start}/{@code end} follow).
   */
  public void rescheduleInterview(String interviewId, long date) {
    childEdits.edit(
        ChildKind.INTERVIEWS,
        interviewId,
        (set, i) -> ChildEdits.interviewRescheduled(set, i, date));
  }

  /** Cancels an interview ({@code canceledAt} = now; the panel too once all are canceled). */
  public void cancelInterview(String interviewId) {
    long now = clock.millis();
    childEdits.edit(
        ChildKind.INTERVIEWS, interviewId, (set, i) -> ChildEdits.interviewCanceled(set, i, now));
  }

  /** Soft-deletes a note: it stays listed with {@code deletedAt} = now. */
  public void deleteNote(String noteId) {
    long now = clock.millis();
    childEdits.edit(ChildKind.NOTES, noteId, (set, i) -> ChildEdits.noteDeleted(set, i, now));
  }

  private OpportunityEntry require(String id) {
    OpportunityEntry entry = live.get(id);
    if (entry == null) {
      throw new IllegalArgumentException("no live opportunity " + id);
    }
    return entry;
  }

  // ---- read access for the HTTP side and the ground truth ----

  ObjectMapper mapper() {
    return mapper;
  }

  Clock clock() {
    return clock;
  }

  ReferenceData ref() {
    return ref;
  }

  DatasetSnapshot snapshot() {
    return live.snapshot();
  }

  OpportunityEntry opportunity(String id) {
    return live.get(id);
  }

  ChildSet children(OpportunityEntry entry) {
    return children.get(entry);
  }

  Listing listing(String name) {
    return listings.get(name);
  }

  ContactGenerator.Contact contactOf(OpportunityEntry entry) {
    return contactGenerator.forOpportunity(entry.genIndex);
  }

  /** The contact with {@code id} among all contacts ever generated (deleted ones too), or null. */
  ContactGenerator.Contact contact(String id) {
    return contactGenerator.find(id, -DatasetGenerator.DELETED, live.nextGenIndex());
  }

  /** The EEO row of {@code entry}, or null when it has none. */
  ObjectNode eeoRow(OpportunityEntry entry) {
    return eeoGenerator.row(entry, entry.node(mapper));
  }

  private ListItem eeoItem(OpportunityEntry entry) {
    long at = eeoGenerator.respondedAt(entry.genIndex, entry.candidacy);
    return at == Long.MIN_VALUE ? null : new ListItem(at, entry.id(), null);
  }
}
