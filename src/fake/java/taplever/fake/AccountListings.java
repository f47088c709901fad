package taplever.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The account-level lists ({@code users}, {@code postings}, {@code deleted_postings}, {@code
 * stages} ...) by name, each an immutable {@link FakeDataset.Listing} that a mutation replaces
 * whole.
 */
final class AccountListings {
  private final Map<String, FakeDataset.Listing> listings = new ConcurrentHashMap<>();

  /** The generated lists: time-sorted ones newest first, the others in generation order. */
  static AccountListings of(DatasetGenerator.Generated g) {
    ReferenceData ref = g.ref();
    AccountListings l = new AccountListings();
    l.put("users", ref.users, "createdAt", "id");
    l.put("postings", ref.postings, "createdAt", "id");
    l.put("deleted_postings", ref.deletedPostings, "deletedAt", "id");
    l.put("requisitions", ref.requisitions, "createdAt", "id");
    l.put("audit_events", g.auditEvents(), "createdAt", "id");
    l.put("feedback_templates", ref.feedbackTemplates, "createdAt", "id");
    l.put("form_templates", ref.formTemplates, "createdAt", "id");
    l.put("stages", ref.stages, null, "id");
    l.put("archive_reasons", ref.archiveReasons, null, "id");
    l.put("requisition_fields", ref.requisitionFields, null, "id");
    l.put("sources", g.sources(), null, "text");
    l.put("tags", g.tags(), null, "text");
    return l;
  }

  /**
   * Adds list {@code name}: sorted newest first by {@code sortField}, or in generation order when
   * it is null; keyed by {@code keyField}.
   */
  void put(String name, List<ObjectNode> nodes, String sortField, String keyField) {
    List<ListItem> items = new ArrayList<>(nodes.size());
    nodes.forEach(n -> items.add(ListItem.of(n, sortField, keyField)));
    if (sortField != null) {
      items.sort(ListItem.NEWEST_FIRST);
    }
    listings.put(name, new FakeDataset.Listing(List.copyOf(items), sortField != null));
  }

  FakeDataset.Listing get(String name) {
    return listings.get(name);
  }

  Map<String, FakeDataset.Listing> all() {
    return listings;
  }

  /**
   * Moves posting {@code id} from {@code postings} to {@code deleted_postings}, with {@code
   * deletedAt} / {@code deletedBy} set. The caller holds the dataset's lock.
   */
  void deletePosting(String id, long deletedAt, String deletedBy, ObjectMapper mapper) {
    FakeDataset.Listing live = listings.get("postings");
    ListItem gone =
        live.items().stream()
            .filter(i -> i.key.equals(id))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no live posting " + id));
    List<ListItem> remaining = new ArrayList<>(live.items());
    remaining.remove(gone);
    ObjectNode node =
        gone.node(mapper).deepCopy().put("deletedAt", deletedAt).put("deletedBy", deletedBy);
    FakeDataset.Listing deleted = listings.get("deleted_postings");
    listings.put(
        "deleted_postings",
        new FakeDataset.Listing(
            DatasetSnapshot.inserted(deleted.items(), ListItem.of(node, "deletedAt", "id")), true));
    listings.put("postings", new FakeDataset.Listing(List.copyOf(remaining), live.keyOrdered()));
  }
}
