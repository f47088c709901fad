package taplever.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Generates every child collection of one opportunity (§7.2) from (seed, genIndex), so the children
 * of 100k opportunities never need to be held in memory at once. Offers, resumes and files come
 * from {@link DocumentGenerator}; panels, interviews, feedback and notes from {@link
 * InterviewGenerator}.
 */
final class ChildGenerator {
  private static final long DAY = DatasetGenerator.DAY_MS;
  private final long seed;
  private final ReferenceData ref;
  private final TaggedIds ids;
  private final DocumentGenerator documents;

  /**
   * What the children of one opportunity share. {@code fresh}: created just now, all timestamps =
   * createdAt.
   */
  record Scope(
      int genIndex,
      String opportunityId,
      ObjectNode opportunity,
      OpportunityGenerator.Candidacy candidacy,
      boolean fresh,
      SeededRandom rnd,
      TaggedIds ids) {
    /** A child record's id, tagged with its opportunity so mutations can find it by id alone. */
    String childId() {
      return ids.id(rnd, genIndex);
    }

    long createdAt() {
      return candidacy.createdAt();
    }

    /** A timestamp after the opportunity's creation, no later than the dataset's end. */
    long at() {
      long from = createdAt();
      return fresh
          ? from
          : rnd.between(from, Math.max(from, Math.min(DatasetGenerator.END_MS, from + 120 * DAY)));
    }

    String stageId() {
      return opportunity.path("stage").asText();
    }

    String postingId() {
      return candidacy.posting() == null ? null : candidacy.posting().get("id").asText();
    }
  }

  ChildGenerator(long seed, ReferenceData ref, TaggedIds ids) {
    this.seed = seed;
    this.ref = ref;
    this.ids = ids;
    this.documents = new DocumentGenerator(ref);
  }

  /** The generation index of the opportunity a child id belongs to, or {@link TaggedIds#NONE}. */
  long tag(String childId) {
    return ids.tag(childId);
  }

  /**
   * Every child of opportunity {@code genIndex} in its current shape {@code opportunity} (children
   * copy its stage, name and e-mails; its application copies {@code archived}).
   */
  ChildSet generate(
      int genIndex, ObjectNode opportunity, OpportunityGenerator.Candidacy candidacy) {
    boolean fresh = candidacy.fresh();
    Scope s =
        new Scope(
            genIndex,
            opportunity.get("id").asText(),
            opportunity,
            candidacy,
            fresh,
            SeededRandom.of(seed, 200, genIndex),
            ids);
    Map<ChildKind, List<ObjectNode>> lists = new EnumMap<>(ChildKind.class);
    lists.put(ChildKind.APPLICATIONS, applications(genIndex, opportunity, candidacy));
    lists.put(
        ChildKind.OFFERS,
        repeat(s.rnd().between(0, s.rnd().chance(0.5) ? 0 : 2), () -> documents.offer(s)));
    boolean referred = "referral".equals(candidacy.applicationType());
    lists.put(
        ChildKind.REFERRALS, referred || s.rnd().chance(0.1) ? List.of(referral(s)) : List.of());
    lists.put(
        ChildKind.RESUMES, repeat(s.rnd().between(fresh ? 1 : 0, 2), () -> documents.resume(s)));
    lists.put(ChildKind.FORMS, repeat(s.rnd().between(0, 1), () -> form(s)));
    lists.put(ChildKind.FILES, repeat(s.rnd().between(0, 2), () -> documents.file(s)));
    new InterviewGenerator(ref).generate(s, lists);
    return new ChildSet(lists);
  }

  /**
   * The opportunity's application (at most one), from its own random stream so it can be generated
   * alone.
   */
  List<ObjectNode> applications(
      int genIndex, ObjectNode opportunity, OpportunityGenerator.Candidacy candidacy) {
    if (candidacy.applicationId() == null) {
      return List.of();
    }
    return List.of(
        application(
            new Scope(
                genIndex,
                opportunity.get("id").asText(),
                opportunity,
                candidacy,
                candidacy.fresh(),
                SeededRandom.of(seed, 201, genIndex),
                ids)));
  }

  static List<ObjectNode> repeat(int count, java.util.function.Supplier<ObjectNode> maker) {
    List<ObjectNode> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      records.add(maker.get());
    }
    return records;
  }

  private ObjectNode application(Scope s) {
    SeededRandom rnd = s.rnd();
    ObjectNode opp = s.opportunity();
    ObjectNode posting = s.candidacy().posting();
    String type = s.candidacy().applicationType();
    ObjectNode app =
        Nodes.object()
            .put("id", s.candidacy().applicationId())
            .put("opportunityId", s.opportunityId())
            .put("candidateId", s.opportunityId())
            .put("createdAt", s.createdAt())
            .put("type", type);
    app.put("posting", posting == null ? null : posting.get("id").asText());
    app.put("postingOwner", posting == null ? null : posting.get("owner").asText());
    app.put("postingHiringManager", posting == null ? null : posting.get("hiringManager").asText());
    app.put("user", "posting".equals(type) ? null : ref.userId(rnd));
    app.put("name", opp.path("name").asText());
    app.put(
        "email",
        opp.path("emails").path(0).isTextual() ? opp.path("emails").path(0).asText() : null);
    if (opp.path("phones").size() > 0) {
      app.set("phone", opp.get("phones").get(0).deepCopy());
    } else {
      app.putNull("phone");
    }
    app.put("company", rnd.chance(0.6) ? rnd.pick(SampleText.COMPANIES) : null);
    app.set("links", rnd.chance(0.5) ? opp.path("links").deepCopy() : null);
    app.put("comments", rnd.chance(0.3) ? rnd.pick(SampleText.NOTES) : null);
    app.putNull("resume");
    ArrayNode questions = app.putArray("customQuestions");
    ArrayNode postingQuestions =
        posting == null ? null : (ArrayNode) posting.path("content").get("customQuestions");
    if ("posting".equals(type) && postingQuestions != null) {
      // The candidate answered the posting's own questions (§7.5 content.customQuestions).
      for (var template : postingQuestions) {
        ObjectNode form =
            questions
                .addObject()
                .put("type", "form")
                .put("text", template.get("text").asText())
                .putNull("user")
                .put("description", template.path("description").asText())
                .put("baseTemplateId", template.get("id").asText())
                .put("createdAt", s.createdAt())
                .put("completedAt", s.createdAt());
        ArrayNode answers = form.putArray("fields");
        template
            .get("fields")
            .forEach(f -> answers.add(FormFields.answered(rnd, f, s.createdAt())));
      }
    } else if ("posting".equals(type) && rnd.chance(0.6)) {
      ObjectNode form =
          questions
              .addObject()
              .put("type", "form")
              .put("text", "Application questions")
              .putNull("user")
              .put("description", "")
              .put("baseTemplateId", rnd.uuid())
              .put("createdAt", s.createdAt())
              .put("completedAt", s.createdAt());
      form.set("fields", FormFields.profileForm(rnd, s.createdAt(), true));
    }
    ObjectNode archived = opp.path("archived").isObject() ? (ObjectNode) opp.get("archived") : null;
    app.set("archived", archived == null ? null : archived.deepCopy());
    if (archived != null
        && ref.isHiredReason(archived.path("reason").asText())
        && !ref.requisitions.isEmpty()) {
      ObjectNode req = rnd.pick(ref.requisitions);
      app.putObject("requisitionForHire")
          .put("id", req.get("id").asText())
          .put("requisitionCode", req.get("requisitionCode").asText())
          .put("hiringManagerOnHire", req.get("hiringManager").asText());
    } else {
      app.putNull("requisitionForHire");
    }
    app.put("ownerId", opp.path("owner").isTextual() ? opp.get("owner").asText() : null);
    app.put("hiringManager", posting == null ? null : posting.get("hiringManager").asText());
    return app;
  }

  private ObjectNode referral(Scope s) {
    SeededRandom rnd = s.rnd();
    long createdAt = s.at();
    ObjectNode referral =
        Nodes.object()
            .put("id", s.childId())
            .put("type", "referral")
            .put("text", "Referral")
            .put("instructions", "Ask about the referrer's relationship")
            .put("baseTemplateId", rnd.uuid());
    referral.set("fields", FormFields.referral(rnd, createdAt));
    if (rnd.chance(0.8)) {
      referral.put("referrer", ref.userId(rnd));
    }
    referral
        .put("user", ref.userId(rnd))
        .put("stage", s.stageId())
        .put("createdAt", createdAt)
        .put("completedAt", rnd.chance(0.8) ? createdAt + DAY : null);
    return referral;
  }

  private ObjectNode form(Scope s) {
    SeededRandom rnd = s.rnd();
    long createdAt = s.at();
    ObjectNode form =
        Nodes.object()
            .put("id", s.childId())
            .put("type", "form")
            .put("text", rnd.pick("Offer details", "Relocation", "Background check"))
            .put("instructions", "Internal only")
            .put("baseTemplateId", ref.formTemplateId(rnd));
    form.set("fields", FormFields.profileForm(rnd, createdAt, true));
    form.put("user", ref.userId(rnd))
        .put("stage", s.stageId())
        .put("createdAt", createdAt)
        .put("completedAt", rnd.chance(0.7) ? createdAt + DAY : null)
        .put("deletedAt", rnd.chance(0.1) ? createdAt + 2 * DAY : null);
    return form;
  }
}
