package taplever.streams;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry: every stream the tap knows, in sync order (parents before their children). A new
 * endpoint is one line here plus {@code schemas/<name>.json}.
 */
public final class LeverStreams {
  private static final Map<String, List<String>> CONFIDENTIAL = Map.of("confidentiality", List.of("all"));
  private static final Cursor UPDATED = new Cursor("updatedAt",
      new CursorFilter.ServerWindow("updated_at_start", "updated_at_end", true));

  public static final List<StreamSpec> ALL = List.of(
      top("opportunities", "/opportunities", "id", Optional.of(UPDATED), ReplicationMethod.INCREMENTAL,
          CONFIDENTIAL, true, "opportunities:read:admin"),
      embedded("opportunity_applications", "opportunities", "/opportunities/{id}/applications",
          "opportunityId", new ParentLink.Embedded("applications", "applications"),
          "applications:read:admin"),
      child("opportunity_offers", "opportunities", "/opportunities/{id}/offers", "opportunityId", true,
          "offers:read:admin"),
      child("opportunity_referrals", "opportunities", "/opportunities/{id}/referrals", "opportunityId",
          true, "referrals:read:admin"),
      child("opportunity_resumes", "opportunities", "/opportunities/{id}/resumes", "opportunityId", true,
          "resumes:read:admin"),
      child("opportunity_feedback", "opportunities", "/opportunities/{id}/feedback", "opportunityId",
          false, "feedback:read:admin"),
      child("opportunity_notes", "opportunities", "/opportunities/{id}/notes", "opportunityId", false,
          "notes:read:admin"),
      child("opportunity_interviews", "opportunities", "/opportunities/{id}/interviews",
          "opportunityId", false, "interviews:read:admin"),
      child("opportunity_panels", "opportunities", "/opportunities/{id}/panels", "opportunityId", false,
          "panels:read:admin"),
      child("opportunity_forms", "opportunities", "/opportunities/{id}/forms", "opportunityId", false,
          "forms:read:admin"),
      child("opportunity_files", "opportunities", "/opportunities/{id}/files", "opportunityId", false,
          "files:read:admin"),
      deprecated(top("candidates", "/candidates", "id", Optional.of(UPDATED),
          ReplicationMethod.INCREMENTAL, CONFIDENTIAL, false, "candidates:read:admin")),
      deprecated(child("candidate_applications", "candidates", "/candidates/{id}/applications",
          "candidateId", false, "applications:read:admin")),
      deprecated(child("candidate_offers", "candidates", "/candidates/{id}/offers", "candidateId", false,
          "offers:read:admin")),
      deprecated(child("candidate_referrals", "candidates", "/candidates/{id}/referrals", "candidateId",
          false, "referrals:read:admin")),
      deprecated(child("candidate_resumes", "candidates", "/candidates/{id}/resumes", "candidateId",
          false, "resumes:read:admin")),
      top("deleted_opportunities", "/opportunities/deleted", "id",
          Optional.of(new Cursor("deletedAt",
              new CursorFilter.ServerWindow("deleted_at_start", "deleted_at_end", false))),
          ReplicationMethod.INCREMENTAL, Map.of(), true, "opportunities:read:admin"),
      top("postings", "/postings", "id", Optional.of(UPDATED), ReplicationMethod.INCREMENTAL,
          CONFIDENTIAL, true, "postings:read:admin"),
      // updatedAt exists but Lever has no filter on it and does not bump it for headcountHired,
      // postings, offerIds or approval: re-reading the (small) table is the exact choice.
      top("requisitions", "/requisitions", "id",
          Optional.of(new Cursor("updatedAt", new CursorFilter.ClientSide())),
          ReplicationMethod.FULL_TABLE, CONFIDENTIAL, true, "requisitions:read:admin"),
      top("users", "/users", "id", Optional.empty(), ReplicationMethod.FULL_TABLE,
          Map.of("includeDeactivated", List.of("true")), true, "users:read:admin"),
      top("stages", "/stages", "id", Optional.empty(), ReplicationMethod.FULL_TABLE, Map.of(), true,
          "stages:read:admin"),
      top("archive_reasons", "/archive_reasons", "id", Optional.empty(), ReplicationMethod.FULL_TABLE,
          Map.of(), true, "archive_reasons:read:admin"),
      top("sources", "/sources", "text", Optional.empty(), ReplicationMethod.FULL_TABLE, Map.of(), true,
          "sources:read:admin"),
      top("tags", "/tags", "text", Optional.empty(), ReplicationMethod.FULL_TABLE, Map.of(), true,
          "tags:read:admin"),
      top("requisition_fields", "/requisition_fields", "id", Optional.empty(),
          ReplicationMethod.FULL_TABLE, Map.of(), true, "requisition_fields:read:admin"),
      top("feedback_templates", "/feedback_templates", "id", Optional.empty(),
          ReplicationMethod.FULL_TABLE, Map.of(), true, "feedback_templates:read:admin"),
      top("form_templates", "/form_templates", "id", Optional.empty(), ReplicationMethod.FULL_TABLE,
          Map.of(), true, "form_templates:read:admin"),
      optionalFeature(top("audit_events", "/audit_events", "id",
          Optional.of(new Cursor("createdAt",
              new CursorFilter.ServerWindow("created_at_start", "created_at_end", false))),
          ReplicationMethod.INCREMENTAL, Map.of(), false, "audit_events:read:admin")));

  public static final Map<String, StreamSpec> BY_NAME = ALL.stream().collect(Collectors.toMap(
      StreamSpec::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));

  private LeverStreams() {}

  public static Optional<StreamSpec> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  public static List<StreamSpec> childrenOf(String parent) {
    return ALL.stream()
        .filter(s -> s.parent().map(p -> p.parent().equals(parent)).orElse(false))
        .toList();
  }

  private static StreamSpec top(String name, String path, String key, Optional<Cursor> cursor,
      ReplicationMethod method, Map<String, List<String>> params, boolean byDefault, String scope) {
    return new StreamSpec(name, path, List.of(key), cursor, method, params, Optional.empty(),
        byDefault, scope, Set.of());
  }

  private static StreamSpec child(String name, String parent, String path, String idField,
      boolean byDefault, String scope) {
    return new StreamSpec(name, path, List.of("id"), Optional.empty(), ReplicationMethod.INCREMENTAL,
        Map.of(), Optional.of(new ParentLink(parent, idField, Optional.empty())), byDefault, scope,
        Set.of(Quirk.PER_PARENT_REQUEST));
  }

  private static StreamSpec embedded(String name, String parent, String path, String idField,
      ParentLink.Embedded embedded, String scope) {
    return new StreamSpec(name, path, List.of("id"), Optional.empty(), ReplicationMethod.INCREMENTAL,
        Map.of(), Optional.of(new ParentLink(parent, idField, Optional.of(embedded))), true, scope,
        Set.of());
  }

  private static StreamSpec deprecated(StreamSpec s) {
    return with(s, Quirk.DEPRECATED);
  }

  private static StreamSpec optionalFeature(StreamSpec s) {
    return with(s, Quirk.OPTIONAL_FEATURE);
  }

  private static StreamSpec with(StreamSpec s, Quirk quirk) {
    Set<Quirk> quirks = new java.util.HashSet<>(s.quirks());
    quirks.add(quirk);
    return new StreamSpec(s.name(), s.path(), s.keyProperties(), s.cursor(), s.defaultMethod(),
        s.params(), s.parent(), s.selectedByDefault(), s.scope(), quirks);
  }
}
