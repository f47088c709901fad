package taplever.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The read endpoints under {@code /v1}: resolve the {@link Route}, check scopes and add-ons ({@link
 * EndpointScopes}), then answer with the endpoint's filters (§7) and paging through {@link Pager}.
 * Account-level lists are answered here, person-centred ones by {@link OpportunityEndpoints}.
 */
final class ListEndpoints {
  private static final Set<String> POSTING_UPDATED_COMPANIONS =
      Set.of("updated_at_start", "updated_at_end", "confidentiality", "limit", "offset");
  private final FakeDataset data;
  private final ObjectMapper mapper;
  private final Pager pager;
  private final ResponseProjection projection;
  private final OpportunityEndpoints opportunities;
  private final boolean addOns;
  private final boolean deletedPostings;

  ListEndpoints(FakeDataset data, FakeLeverOptions options) {
    this.data = data;
    this.mapper = data.mapper();
    this.pager = new Pager(new OffsetTokens(mapper));
    this.projection = new ResponseProjection(data);
    this.opportunities = new OpportunityEndpoints(data, pager, projection);
    this.addOns = options.addOns();
    this.deletedPostings = options.deletedPostingsEndpoint();
  }

  /** Answers {@code GET /v1<subPath>}; failures are {@link ApiError}s. */
  byte[] get(String subPath, ListQuery q, Credential credential) {
    Route route = Route.parse(subPath, deletedPostings);
    if (route == null) {
      throw ApiError.notFound("Resource not found: /v1" + subPath);
    }
    EndpointScopes.check(route, q, credential, addOns);
    ResponseProjection.View view = ResponseProjection.View.of(q);
    return switch (route.endpoint()) {
      case OPPORTUNITY_LIST -> opportunities.list(q, credential, view);
      case OPPORTUNITY -> opportunities.single(route, credential, view);
      case DELETED_OPPORTUNITIES -> opportunities.deleted(q, view);
      case OPPORTUNITY_CHILDREN -> opportunities.children(route, q, credential, view);
      case CONTACT -> opportunities.contact(route);
      case EEO_PII -> opportunities.eeo(q);
      case POSTINGS -> postings(q, credential, view);
      case DELETED_POSTINGS -> deletedPostings(q, view);
      case ACCOUNT_LIST -> list(route.root(), q, credential, view);
    };
  }

  private byte[] postings(ListQuery q, Credential credential, ResponseProjection.View view) {
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
    FakeDataset.Listing l = data.listing("postings");
    return pager.pageWhere(
        l.items(),
        l.keyOrdered(),
        p.and(range(q, "updated_at", "updatedAt")).and(oneOf(q, "state", "state")),
        i -> projection.posting(node(i), view),
        q);
  }

  /**
   * {@code /postings/deleted} (not in Lever's reference): every deleted posting, confidential ones
   * too (as {@code /opportunities/deleted}), newest deletion first, {@code deleted_at_*} inclusive,
   * with the postings list's {@code include}/{@code expand} rules. A window longer than 30 days is
   * a 400, as other integrations report of Lever.
   */
  private byte[] deletedPostings(ListQuery q, ResponseProjection.View view) {
    Long start = q.millis("deleted_at_start");
    Long end = q.millis("deleted_at_end");
    if (start != null && end != null && end - start > 30 * DatasetGenerator.DAY_MS) {
      throw ApiError.badRequest("deleted_at_start and deleted_at_end may be at most 30 days apart");
    }
    FakeDataset.Listing l = data.listing("deleted_postings");
    return pager.pageWhere(
        l.items(),
        l.keyOrdered(),
        range(q, "deleted_at", "deletedAt"),
        i -> projection.posting(node(i), view),
        q);
  }

  private byte[] list(
      String root, ListQuery q, Credential credential, ResponseProjection.View view) {
    Predicate<ListItem> filter =
        switch (root) {
          case "requisitions" -> {
            Confidentiality confidentiality = Confidentiality.of(q, credential);
            Predicate<ListItem> p = i -> confidentiality.admits(node(i));
            yield p.and(range(q, "created_at", "createdAt"))
                .and(oneOf(q, "status", "status"))
                .and(oneOf(q, "requisition_code", "requisitionCode"));
          }
          case "users" -> {
            boolean all = Boolean.TRUE.equals(q.bool("includeDeactivated"));
            Predicate<ListItem> p = i -> all || node(i).path("deactivatedAt").isNull();
            yield p.and(oneOf(q, "email", "email"));
          }
          case "audit_events" -> range(q, "created_at", "createdAt").and(oneOf(q, "type", "type"));
          case "archive_reasons" -> oneOf(q, "type", "type");
          default -> i -> true;
        };
    FakeDataset.Listing l = data.listing(root);
    return pager.pageWhere(l.items(), l.keyOrdered(), filter, i -> projection.plain(i, view), q);
  }

  private ObjectNode node(ListItem item) {
    return item.node(mapper);
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
