package taplever.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The read endpoints under {@code /v1}: routing, per-endpoint filters (§7) and paging through
 * {@link Pager}.
 */
final class ListEndpoints {
  private static final Set<String> POSTING_UPDATED_COMPANIONS =
      Set.of("updated_at_start", "updated_at_end", "confidentiality", "limit", "offset");
  private static final Set<String> PLAIN_LISTS =
      Set.of(
          "stages",
          "sources",
          "tags",
          "requisition_fields",
          "feedback_templates",
          "form_templates");
  private final FakeDataset data;
  private final ObjectMapper mapper;
  private final Pager pager;

  ListEndpoints(FakeDataset data) {
    this.data = data;
    this.mapper = data.mapper();
    this.pager = new Pager(new OffsetTokens(mapper));
  }

  /** Answers {@code GET /v1<subPath>}; failures are {@link ApiError}s. */
  byte[] get(String subPath, ListQuery q, Credential credential) {
    List<String> seg = new ArrayList<>();
    for (String part : subPath.split("/")) {
      if (!part.isEmpty()) {
        seg.add(part);
      }
    }
    String root = seg.isEmpty() ? "" : seg.get(0);
    boolean people = root.equals("opportunities") || root.equals("candidates");
    if (seg.size() == 1) {
      return list(root, q, credential);
    }
    if (seg.size() == 2 && root.equals("opportunities") && seg.get(1).equals("deleted")) {
      return pager.pageWhere(
          data.deleted(), true, range(q, "deleted_at", "deletedAt"), this::json, q);
    }
    if (seg.size() == 2 && people) {
      return single(root, seg.get(1), q, credential);
    }
    if (seg.size() == 3 && people) {
      return children(root, seg.get(1), seg.get(2), q, credential);
    }
    throw ApiError.notFound("Resource not found: /v1" + subPath);
  }

  private byte[] list(String root, ListQuery q, Credential credential) {
    switch (root) {
      case "opportunities", "candidates" -> {
        Function<OpportunityEntry, byte[]> json =
            expandsApplications(q) ? OpportunityEntry::expandedJson : e -> e.json(mapper);
        OpportunityTable table = data.opportunityTable();
        return pager.page(table.entries, true, OpportunityFilter.of(q, credential, table), json, q);
      }
      case "postings" -> {
        if (q.has("updated_at_start") || q.has("updated_at_end")) {
          for (String name : q.names()) {
            if (!POSTING_UPDATED_COMPANIONS.contains(name)) {
              throw ApiError.badRequest(
                  "updated_at_ parameters can only be used in combination with "
                      + "confidentiality; not with "
                      + name);
            }
          }
        }
        Confidentiality confidentiality = Confidentiality.of(q, credential);
        Predicate<ListItem> p = i -> confidentiality.admits(node(i));
        return page(
            "postings",
            q,
            p.and(range(q, "updated_at", "updatedAt")).and(oneOf(q, "state", "state")));
      }
      case "requisitions" -> {
        Confidentiality confidentiality = Confidentiality.of(q, credential);
        Predicate<ListItem> p = i -> confidentiality.admits(node(i));
        return page(
            "requisitions",
            q,
            p.and(range(q, "created_at", "createdAt"))
                .and(oneOf(q, "status", "status"))
                .and(oneOf(q, "requisition_code", "requisitionCode")));
      }
      case "users" -> {
        boolean all = Boolean.TRUE.equals(q.bool("includeDeactivated"));
        Predicate<ListItem> p = i -> all || node(i).path("deactivatedAt").isNull();
        return page("users", q, p.and(oneOf(q, "email", "email")));
      }
      case "audit_events" -> {
        return page(
            "audit_events", q, range(q, "created_at", "createdAt").and(oneOf(q, "type", "type")));
      }
      case "archive_reasons" -> {
        return page("archive_reasons", q, oneOf(q, "type", "type"));
      }
      default -> {
        if (PLAIN_LISTS.contains(root)) {
          return page(root, q, i -> true);
        }
        throw ApiError.notFound("Resource not found: /v1/" + root);
      }
    }
  }

  private byte[] page(String listing, ListQuery q, Predicate<ListItem> filter) {
    FakeDataset.Listing l = data.listing(listing);
    return pager.pageWhere(l.items(), l.keyOrdered(), filter, this::json, q);
  }

  private byte[] single(String root, String id, ListQuery q, Credential credential) {
    OpportunityEntry entry = live(root, id, credential);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("{\"data\":".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(expandsApplications(q) ? entry.expandedJson() : entry.json(mapper));
    out.write('}');
    return out.toByteArray();
  }

  private byte[] children(
      String root, String id, String child, ListQuery q, Credential credential) {
    ChildKind kind = ChildKind.fromPath(child);
    if (kind == null) {
      throw ApiError.notFound("Resource not found: /v1/" + root + "/" + id + "/" + child);
    }
    OpportunityEntry entry = live(root, id, credential);
    List<ListItem> items = new ArrayList<>();
    for (ObjectNode record : data.children(entry).get(kind)) {
      items.add(ListItem.of(record, kind.sortField(), "id"));
    }
    Predicate<ListItem> filter = i -> true;
    if (kind.hasUploadedFilter()) {
      Predicate<ListItem> uploaded =
          OpportunityFilter.range(q, "uploaded_at", i -> kind.uploadedAt(node(i)));
      filter = uploaded == null ? filter : uploaded;
    }
    return pager.pageWhere(items, true, filter, this::json, q);
  }

  private OpportunityEntry live(String root, String id, Credential credential) {
    OpportunityEntry entry = data.opportunity(id);
    if (entry == null) {
      throw ApiError.notFound(root + " " + id + " was not found");
    }
    if (entry.confidential && !credential.confidentialAccess()) {
      throw ApiError.forbidden("This API key does not have access to confidential data");
    }
    return entry;
  }

  private static boolean expandsApplications(ListQuery q) {
    return q.all("expand").contains("applications");
  }

  private ObjectNode node(ListItem item) {
    return item.node(mapper);
  }

  private byte[] json(ListItem item) {
    return item.json(mapper);
  }

  /**
   * Inclusive {@code <name>_start/_end} on a timestamp field of the record; matches all when
   * absent.
   */
  private Predicate<ListItem> range(ListQuery q, String name, String field) {
    Predicate<ListItem> p =
        OpportunityFilter.range(q, name, i -> Nodes.millis(node(i), field, Long.MIN_VALUE));
    return p == null ? i -> true : p;
  }

  /** Repeatable exact-match parameter on a text field; matches all when absent. */
  private Predicate<ListItem> oneOf(ListQuery q, String name, String field) {
    List<String> wanted = q.all(name);
    return wanted.isEmpty() ? i -> true : i -> wanted.contains(Nodes.text(node(i), field));
  }
}
