package taplever.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Generates every child collection of one opportunity (§7.2) from (seed, genIndex), so the children of 100k
 * opportunities never need to be held in memory at once. Panels, interviews, feedback and notes come from
 * {@link InterviewGenerator}.
 */
final class ChildGenerator {
    private static final long DAY = DatasetGenerator.DAY_MS;
    private final long seed;
    private final ReferenceData ref;

    /** What the children of one opportunity share. {@code fresh}: created just now, all timestamps = createdAt. */
    record Scope(String opportunityId, ObjectNode opportunity, OpportunityGenerator.Candidacy candidacy,
            boolean fresh, SeededRandom rnd) {
        long createdAt() {
            return candidacy.createdAt();
        }

        /** A timestamp after the opportunity's creation, no later than the dataset's end. */
        long at() {
            long from = createdAt();
            return fresh ? from : rnd.between(from, Math.max(from, Math.min(DatasetGenerator.END_MS,
                from + 120 * DAY)));
        }

        String stageId() {
            return opportunity.path("stage").asText();
        }

        String postingId() {
            return candidacy.posting() == null ? null : candidacy.posting().get("id").asText();
        }
    }

    ChildGenerator(long seed, ReferenceData ref) {
        this.seed = seed;
        this.ref = ref;
    }

    ChildSet generate(int genIndex, ObjectNode opportunity, OpportunityGenerator.Candidacy candidacy, boolean fresh) {
        Scope s = new Scope(opportunity.get("id").asText(), opportunity, candidacy, fresh,
            SeededRandom.of(seed, 200, genIndex));
        Map<ChildKind, List<ObjectNode>> lists = new EnumMap<>(ChildKind.class);
        lists.put(ChildKind.APPLICATIONS, applications(genIndex, opportunity, candidacy, fresh));
        lists.put(ChildKind.OFFERS, repeat(s.rnd().between(0, s.rnd().chance(0.5) ? 0 : 2), () -> offer(s)));
        boolean referred = "referral".equals(candidacy.applicationType());
        lists.put(ChildKind.REFERRALS, referred || s.rnd().chance(0.1) ? List.of(referral(s)) : List.of());
        lists.put(ChildKind.RESUMES, repeat(s.rnd().between(0, 2), () -> resume(s)));
        lists.put(ChildKind.FORMS, repeat(s.rnd().between(0, 1), () -> form(s)));
        lists.put(ChildKind.FILES, repeat(s.rnd().between(0, 2), () -> file(s)));
        new InterviewGenerator(ref).generate(s, lists);
        return new ChildSet(lists);
    }

    /** The opportunity's application (at most one), from its own random stream so it can be generated alone. */
    List<ObjectNode> applications(int genIndex, ObjectNode opportunity, OpportunityGenerator.Candidacy candidacy,
            boolean fresh) {
        if (candidacy.applicationId() == null) {
            return List.of();
        }
        return List.of(application(new Scope(opportunity.get("id").asText(), opportunity, candidacy, fresh,
            SeededRandom.of(seed, 201, genIndex))));
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
        ObjectNode app = Nodes.object().put("id", s.candidacy().applicationId()).put("opportunityId", s.opportunityId())
            .put("candidateId", s.opportunityId()).put("createdAt", s.createdAt()).put("type", type);
        app.put("posting", posting == null ? null : posting.get("id").asText());
        app.put("postingOwner", posting == null ? null : posting.get("owner").asText());
        app.put("postingHiringManager", posting == null ? null : posting.get("hiringManager").asText());
        app.put("user", "posting".equals(type) ? null : ref.userId(rnd));
        app.put("name", opp.path("name").asText());
        app.put("email", opp.path("emails").path(0).isTextual() ? opp.path("emails").path(0).asText() : null);
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
        if ("posting".equals(type) && rnd.chance(0.6)) {
            ObjectNode form = questions.addObject().put("type", "form").put("text", "Application questions")
                .putNull("user").put("description", "").put("baseTemplateId", rnd.uuid())
                .put("createdAt", s.createdAt()).put("completedAt", s.createdAt());
            form.set("fields", FormFields.profileForm(rnd, s.createdAt(), true));
        }
        ObjectNode archived = opp.path("archived").isObject() ? (ObjectNode) opp.get("archived") : null;
        app.set("archived", archived == null ? null : archived.deepCopy());
        if (archived != null && ref.isHiredReason(archived.path("reason").asText()) && !ref.requisitions.isEmpty()) {
            ObjectNode req = rnd.pick(ref.requisitions);
            app.putObject("requisitionForHire").put("id", req.get("id").asText())
                .put("requisitionCode", req.get("requisitionCode").asText())
                .put("hiringManagerOnHire", req.get("hiringManager").asText());
        } else {
            app.putNull("requisitionForHire");
        }
        app.put("ownerId", opp.path("owner").isTextual() ? opp.get("owner").asText() : null);
        app.put("hiringManager", posting == null ? null : posting.get("hiringManager").asText());
        return app;
    }

    private ObjectNode offer(Scope s) {
        SeededRandom rnd = s.rnd();
        long createdAt = s.at();
        String status = rnd.pick("draft", "approval-sent", "approved", "sent", "sent-manually", "opened", "denied",
            "signed");
        boolean sent = List.of("sent", "sent-manually", "opened", "signed").contains(status);
        ObjectNode offer = Nodes.object().put("id", rnd.uuid()).put("createdAt", createdAt)
            .put("creator", ref.userId(rnd)).put("status", status);
        ArrayNode fields = offer.putArray("fields");
        ObjectNode posting = s.candidacy().posting();
        offerField(fields, "Job posting", "job_posting").put("value", s.postingId() == null ? "" : s.postingId());
        offerField(fields, "Job title", "job_title").put("value",
            posting == null ? rnd.pick(SampleText.TITLES) : posting.get("text").asText());
        offerField(fields, "Candidate name", "candidate_name").put("value", s.opportunity().path("name").asText());
        offerField(fields, "Salary amount", "salary_amount").put("value", rnd.between(40, 400) * 10_000);
        offerField(fields, "Compensation currency", "compensation_currency").put("value", rnd.pick("USD", "EUR"));
        offerField(fields, "Salary interval", "salary_interval").put("value", "per-year-salary");
        offerField(fields, "Hiring manager", "hiring_manager").put("value", ref.userId(rnd));
        offerField(fields, "Today's date", "today_date").put("value", createdAt);
        offerField(fields, "Anticipated start date", "anticipated_start_date").put("value", createdAt + 30 * DAY);
        if (rnd.chance(0.5)) {
            offerField(fields, "Signing bonus", "custom_signing_bonus").put("value", rnd.between(0, 20) * 500.25);
        }
        String name = s.opportunity().path("name").asText();
        String email = s.opportunity().path("emails").path(0).asText("");
        long sentAt = createdAt + rnd.between(0L, 3 * DAY);
        if (sent) {
            ObjectNode candidate = offer.putObject("signatures").putObject("candidate").put("role", "candidate")
                .put("name", name).put("email", email);
            boolean signed = "signed".equals(status);
            candidate.put("firstOpenedAt", "sent".equals(status) ? null : sentAt + DAY)
                .put("lastOpenedAt", "sent".equals(status) ? null : sentAt + 2 * DAY)
                .put("signedAt", signed ? sentAt + 2 * DAY : null).put("signed", signed);
            offer.set("sentDocument", document(rnd, "Offer letter.pdf", sentAt));
            offer.set("signedDocument", signed ? document(rnd, "Offer letter (signed).pdf", sentAt + 2 * DAY) : null);
        } else {
            offer.putNull("signatures").putNull("sentDocument").putNull("signedDocument");
        }
        boolean approved = !"draft".equals(status) && !"approval-sent".equals(status) && !"denied".equals(status);
        offer.put("approvedAt", approved ? createdAt + DAY : null).put("sentAt", sent ? sentAt : null);
        offer.put("approved", approved).put("posting", s.postingId());
        return offer;
    }

    private static ObjectNode offerField(ArrayNode fields, String text, String identifier) {
        return fields.addObject().put("text", text).put("identifier", identifier);
    }

    private static ObjectNode document(SeededRandom rnd, String fileName, long uploadedAt) {
        return Nodes.object().put("fileName", fileName).put("uploadedAt", uploadedAt)
            .put("downloadUrl", "https://hire.lever.co/offers/" + rnd.hex(12) + "/download");
    }

    private ObjectNode referral(Scope s) {
        SeededRandom rnd = s.rnd();
        long createdAt = s.at();
        ObjectNode referral = Nodes.object().put("id", rnd.uuid()).put("type", "referral").put("text", "Referral")
            .put("instructions", "Ask about the referrer's relationship").put("baseTemplateId", rnd.uuid());
        referral.set("fields", FormFields.referral(rnd, createdAt));
        if (rnd.chance(0.8)) {
            referral.put("referrer", ref.userId(rnd));
        }
        referral.put("user", ref.userId(rnd)).put("stage", s.stageId()).put("createdAt", createdAt)
            .put("completedAt", rnd.chance(0.8) ? createdAt + DAY : null);
        return referral;
    }

    private ObjectNode resume(Scope s) {
        SeededRandom rnd = s.rnd();
        long createdAt = s.at();
        String id = rnd.uuid();
        String status = rnd.pick("processed", "processed", "processed", "processing", "unsupported", "error");
        ObjectNode resume = Nodes.object().put("id", id).put("createdAt", createdAt);
        ObjectNode file = resume.putObject("file").put("name", "CV " + s.opportunity().path("name").asText() + ".pdf")
            .put("ext", "pdf")
            .put("downloadUrl", "https://hire.lever.co/candidates/" + s.opportunityId() + "/resumes/" + id
                + "/download");
        if (rnd.chance(0.9)) {
            file.put("uploadedAt", createdAt);
        }
        file.put("status", status).put("size", rnd.between(20_000, 2_000_000));
        if (!"error".equals(status)) {
            ObjectNode parsed = resume.putObject("parsedData");
            ArrayNode positions = parsed.putArray("positions");
            for (int i = rnd.between(0, 2); i > 0; i--) {
                ObjectNode position = positions.addObject().put("org", rnd.pick(SampleText.COMPANIES))
                    .put("title", rnd.pick(SampleText.TITLES)).put("summary", "Built things")
                    .put("location", rnd.pick(SampleText.LOCATIONS));
                position.putObject("start").put("year", rnd.between(2005, 2018)).put("month", rnd.between(1, 12));
                position.putObject("end").put("year", rnd.between(2018, 2024)).put("month", rnd.between(1, 12));
            }
            ArrayNode schools = parsed.putArray("schools");
            ObjectNode school = schools.addObject().put("org", rnd.pick(SampleText.SCHOOLS)).put("degree", "BSc")
                .put("field", "Computer Science").put("summary", "");
            school.putObject("start").put("year", rnd.between(1995, 2012)).put("month", 9);
            school.putObject("end").put("year", rnd.between(2012, 2016)).put("month", 6);
        }
        return resume;
    }

    private ObjectNode file(Scope s) {
        SeededRandom rnd = s.rnd();
        String id = rnd.uuid();
        String ext = rnd.pick(".pdf", ".docx", ".png", ".txt");
        return Nodes.object().put("id", id)
            .put("downloadUrl", "https://hire.lever.co/candidates/" + s.opportunityId() + "/files/" + id + "/download")
            .put("ext", ext).put("name", rnd.pick("Portfolio", "Cover letter", "Référence", "課題") + ext)
            .put("uploadedAt", s.at())
            .put("status", rnd.chance(0.2) ? null : rnd.pick("processing", "processed", "unsupported", "error"))
            .put("size", rnd.between(1_000, 5_000_000));
    }

    private ObjectNode form(Scope s) {
        SeededRandom rnd = s.rnd();
        long createdAt = s.at();
        ObjectNode form = Nodes.object().put("id", rnd.uuid()).put("type", "form")
            .put("text", rnd.pick("Offer details", "Relocation", "Background check"))
            .put("instructions", "Internal only").put("baseTemplateId", ref.formTemplateId(rnd));
        form.set("fields", FormFields.profileForm(rnd, createdAt, true));
        form.put("user", ref.userId(rnd)).put("stage", s.stageId()).put("createdAt", createdAt)
            .put("completedAt", rnd.chance(0.7) ? createdAt + DAY : null)
            .put("deletedAt", rnd.chance(0.1) ? createdAt + 2 * DAY : null);
        return form;
    }
}
