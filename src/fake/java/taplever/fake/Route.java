package taplever.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@code /v1} path resolved to the endpoint that answers it, before anything is checked or read.
 *
 * @param endpoint which endpoint
 * @param root the first path segment ({@code opportunities}, {@code candidates}, {@code users} ...)
 * @param id the path's record id, or null
 * @param child the child collection of {@code OPPORTUNITY_CHILDREN}, else null
 */
record Route(Route.Endpoint endpoint, String root, String id, ChildKind child) {
  /** The endpoints the fake serves. */
  enum Endpoint {
    OPPORTUNITY_LIST,
    OPPORTUNITY,
    DELETED_OPPORTUNITIES,
    OPPORTUNITY_CHILDREN,
    CONTACT,
    POSTINGS,
    DELETED_POSTINGS,
    EEO_PII,
    ACCOUNT_LIST
  }

  /** Top-level lists served from a {@link FakeDataset.Listing} under their own name. */
  static final Set<String> ACCOUNT_LISTS =
      Set.of(
          "requisitions",
          "users",
          "audit_events",
          "archive_reasons",
          "stages",
          "sources",
          "tags",
          "requisition_fields",
          "feedback_templates",
          "form_templates");

  /**
   * The route of {@code subPath} (after {@code /v1}), or null for a path the fake does not serve
   * ({@code /postings/deleted} counts as one when {@code deletedPostings} is off).
   */
  static Route parse(String subPath, boolean deletedPostings) {
    List<String> seg = new ArrayList<>();
    for (String part : subPath.split("/")) {
      if (!part.isEmpty()) {
        seg.add(part);
      }
    }
    if (seg.isEmpty()) {
      return null;
    }
    String root = seg.get(0);
    boolean people = root.equals("opportunities") || root.equals("candidates");
    return switch (seg.size()) {
      case 1 -> {
        if (people) {
          yield new Route(Endpoint.OPPORTUNITY_LIST, root, null, null);
        }
        if (root.equals("postings")) {
          yield new Route(Endpoint.POSTINGS, root, null, null);
        }
        yield ACCOUNT_LISTS.contains(root)
            ? new Route(Endpoint.ACCOUNT_LIST, root, null, null)
            : null;
      }
      case 2 -> {
        String second = seg.get(1);
        if (root.equals("opportunities") && second.equals("deleted")) {
          yield new Route(Endpoint.DELETED_OPPORTUNITIES, root, null, null);
        }
        if (root.equals("postings") && second.equals("deleted") && deletedPostings) {
          yield new Route(Endpoint.DELETED_POSTINGS, root, null, null);
        }
        if (people) {
          yield new Route(Endpoint.OPPORTUNITY, root, second, null);
        }
        yield root.equals("contacts") ? new Route(Endpoint.CONTACT, root, second, null) : null;
      }
      case 3 -> {
        if (people) {
          ChildKind kind = ChildKind.fromPath(seg.get(2));
          yield kind == null
              ? null
              : new Route(Endpoint.OPPORTUNITY_CHILDREN, root, seg.get(1), kind);
        }
        boolean eeo =
            root.equals("eeo") && seg.get(1).equals("responses") && seg.get(2).equals("pii");
        yield eeo ? new Route(Endpoint.EEO_PII, root, null, null) : null;
      }
      default -> null;
    };
  }
}
