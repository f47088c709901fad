package taplever.streams;

import static taplever.streams.StreamDeclaration.fromArray;
import static taplever.streams.StreamDeclaration.inline;
import static taplever.streams.StreamDeclaration.list;
import static taplever.streams.StreamDeclaration.perParent;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import taplever.streams.StreamDeclaration.ParentStream;

/**
 * The registry: every stream the tap knows, in sync order (parents before their children), one
 * declaration each. A new endpoint is one line here plus {@code schemas/<name>.json}. Lever's facts
 * (parameter names, fields the engine reads) live here and in the declarations, nowhere else.
 */
public final class LeverStreams {
  private static final Cursor UPDATED_OR_CREATED = new Cursor("updatedAt",
      new Cursor.ServerWindow("updated_at_start", "updated_at_end", Optional.of("createdAt")));
  private static final Cursor DELETED = new Cursor("deletedAt",
      new Cursor.ServerWindow("deleted_at_start", "deleted_at_end", Optional.empty()));
  // Reported to refuse windows longer than 30 days (§7.5, cognee).
  private static final Cursor POSTING_DELETED = new Cursor("deletedAt", new Cursor.ServerWindow(
      "deleted_at_start", "deleted_at_end", Optional.empty(), Optional.of(Duration.ofDays(30))));
  private static final Cursor CREATED = new Cursor("createdAt",
      new Cursor.ServerWindow("created_at_start", "created_at_end", Optional.empty()));
  // Lever's EEO filter is named created_at but the rows' time is eeoSurveyRespondedAt (§7.16).
  private static final Cursor EEO_RESPONDED = new Cursor("eeoSurveyRespondedAt",
      new Cursor.ServerWindow("created_at_start", "created_at_end", Optional.empty()));
  // Requisitions have updatedAt but no filter on it (§7.6).
  private static final Cursor REQUISITION_UPDATED = new Cursor("updatedAt", new Cursor.ClientSide());
  /** §7.1: archived=false lists the live pipeline; archived_at and created_at bound the rest. */
  private static final Endpoint.Pipeline OPPORTUNITY_PIPELINE = new Endpoint.Pipeline(
      Map.of("archived", List.of("false")), Map.of("archived", List.of("true")),
      "archived_at_start", "created_at_start", "created_at_end", "archived", "createdAt");

  private static final ParentStream OPPORTUNITY =
      new ParentStream("opportunities", "/opportunities/{id}/", "opportunityId", "updatedAt");
  private static final ParentStream CANDIDATE =
      new ParentStream("candidates", "/candidates/{id}/", "candidateId", "updatedAt");
  private static final ParentStream POSTING =
      new ParentStream("postings", "", "postingId", "updatedAt");
  private static final ParentStream REQUISITION =
      new ParentStream("requisitions", "", "requisitionId", "updatedAt");

  /*
   * Which children Lever edits silently (§9.1): it moves an opportunity's updatedAt when a note,
   * feedback form, interview, file or resume is added (a "story", via lastInteractionAt), but not
   * for an offer's status (sent -> opened -> signed), edited feedback answers, a rescheduled or
   * canceled interview or panel, an edited or deleted form or note, a referral form completed
   * later, or a file or resume whose processing finishes after upload (status, parsedData).
   * Applications come inline and bump updatedAt when they change (the documented list).
   */
  public static final List<StreamSpec> ALL = Stream.of(
      list("opportunities", "/opportunities").confidential().incremental(UPDATED_OR_CREATED)
          .pipeline(OPPORTUNITY_PIPELINE).scope("opportunities:read:admin"),
      inline("opportunity_applications", OPPORTUNITY, "applications").scope("applications:read:admin"),
      // A contact is the person behind several opportunities; each opportunity keeps its id. An
      // opportunity that holds only the id (not expanded) leads to /contacts/:id (§7.4).
      inline("contacts", OPPORTUNITY, "contact").sharedByParents().orById("/contacts/{id}")
          .scope("contact:read:admin").notByDefault(),
      perParent("opportunity_offers", OPPORTUNITY, "offers").silentEdits().scope("offers:read:admin"),
      perParent("opportunity_referrals", OPPORTUNITY, "referrals").silentEdits()
          .scope("referrals:read:admin"),
      perParent("opportunity_resumes", OPPORTUNITY, "resumes").silentEdits()
          .scope("resumes:read:admin"),
      perParent("opportunity_feedback", OPPORTUNITY, "feedback").silentEdits()
          .scope("feedback:read:admin").notByDefault(),
      perParent("opportunity_notes", OPPORTUNITY, "notes").silentEdits().scope("notes:read:admin")
          .notByDefault(),
      perParent("opportunity_interviews", OPPORTUNITY, "interviews").silentEdits()
          .scope("interviews:read:admin").notByDefault(),
      perParent("opportunity_panels", OPPORTUNITY, "panels").silentEdits()
          .scope("panels:read:admin").notByDefault(),
      perParent("opportunity_forms", OPPORTUNITY, "forms").silentEdits().scope("forms:read:admin")
          .notByDefault(),
      perParent("opportunity_files", OPPORTUNITY, "files").silentEdits().scope("files:read:admin")
          .notByDefault(),
      fromArray("opportunity_stage_changes", OPPORTUNITY, "stageChanges")
          .key("opportunityId", "toStageId", "updatedAt").scope("opportunities:read:admin"),
      fromArray("opportunity_tags", OPPORTUNITY, "tags").values("tag").key("opportunityId", "tag")
          .scope("opportunities:read:admin").notByDefault(),
      fromArray("opportunity_sources", OPPORTUNITY, "sources").values("source")
          .key("opportunityId", "source").scope("opportunities:read:admin").notByDefault(),
      // Lever's opportunity list example carries followers, so no include is sent for them:
      // include would drop every field not named, Lever's new ones too (§6.3, unverified).
      fromArray("opportunity_followers", OPPORTUNITY, "followers").values("userId")
          .key("opportunityId", "userId").scope("opportunities:read:admin").notByDefault(),
      // Lever's current scope list (§2.2) has no scope for the deprecated /candidates endpoints
      // (an old token example shows candidates:read:admin, unverified); they answer as the
      // opportunity endpoints do for the same id (§7.3), so they need those scopes.
      list("candidates", "/candidates").confidential().incremental(UPDATED_OR_CREATED)
          .scope("opportunities:read:admin").deprecated(),
      perParent("candidate_applications", CANDIDATE, "applications")
          .scope("applications:read:admin").deprecated(),
      perParent("candidate_offers", CANDIDATE, "offers").silentEdits().scope("offers:read:admin")
          .deprecated(),
      perParent("candidate_referrals", CANDIDATE, "referrals").silentEdits()
          .scope("referrals:read:admin").deprecated(),
      perParent("candidate_resumes", CANDIDATE, "resumes").silentEdits()
          .scope("resumes:read:admin").deprecated(),
      list("deleted_opportunities", "/opportunities/deleted").incremental(DELETED)
          .scope("opportunities:read:admin"),
      // Postings leave content and followers out of a list unless named with include (§6.3), and
      // Lever takes updated_at_* with confidentiality and nothing else (§7.5): re-reading this
      // small table names them all.
      list("postings", "/postings").confidential().fullTableOr(UPDATED_OR_CREATED)
          .askForFieldsWith("include").scope("postings:read:admin"),
      fromArray("posting_tags", POSTING, "tags").values("tag").key("postingId", "tag")
          .scope("postings:read:admin").notByDefault(),
      // Not in the stored copy of Lever's reference; used by other integrations (§7.5).
      list("deleted_postings", "/postings/deleted").incremental(POSTING_DELETED)
          .scope("postings:read:admin").unverifiedEndpoint().notByDefault(),
      // Lever does not bump updatedAt for headcountHired, postings, offerIds or approval (§7.6).
      list("requisitions", "/requisitions").confidential().fullTableOr(REQUISITION_UPDATED)
          .scope("requisitions:read:admin"),
      fromArray("requisition_postings", REQUISITION, "postings").values("postingId")
          .key("requisitionId", "postingId").scope("requisitions:read:admin").notByDefault(),
      list("users", "/users").param("includeDeactivated", "true").scope("users:read:admin"),
      list("stages", "/stages").scope("stages:read:admin"),
      list("archive_reasons", "/archive_reasons").scope("archive_reasons:read:admin"),
      list("sources", "/sources").key("text").scope("sources:read:admin"),
      list("tags", "/tags").key("text").scope("tags:read:admin"),
      list("requisition_fields", "/requisition_fields").scope("requisition_fields:read:admin"),
      list("feedback_templates", "/feedback_templates").scope("feedback_templates:read:admin"),
      list("form_templates", "/form_templates").scope("form_templates:read:admin"),
      list("audit_events", "/audit_events").incremental(CREATED).scope("audit_events:read:admin")
          .addOn().notByDefault(),
      // Protected data: off by default. Rows have no id; one opportunity has at most one
      // application and its survey answer is dated, so (opportunityId, eeoSurveyRespondedAt)
      // names a row; the latest one per opportunity is its current answer.
      list("eeo_responses", "/eeo/responses/pii").recordsAt("data", "eeoResponses")
          .incremental(EEO_RESPONDED).key("opportunityId", "eeoSurveyRespondedAt")
          .scope("eeo_responses_pii:read:admin").addOn().notByDefault())
      .map(StreamDeclaration::build).toList();

  public static final Map<String, StreamSpec> BY_NAME = ALL.stream().collect(Collectors.toMap(
      StreamSpec::name, Function.identity(), (a, b) -> {
        throw new IllegalStateException("two streams named " + a.name());
      }, LinkedHashMap::new));

  private LeverStreams() {}

  public static Optional<StreamSpec> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }
}
