package taplever.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Generates an opportunity's documents: offers (§7.2.2, with polymorphic {@code fields[].value}),
 * resumes (§7.2.4, {@code file.ext} without a dot) and files (§7.2.9, {@code ext} with a dot).
 */
final class DocumentGenerator {
  private static final long DAY = DatasetGenerator.DAY_MS;
  private final ReferenceData ref;

  DocumentGenerator(ReferenceData ref) {
    this.ref = ref;
  }

  ObjectNode offer(ChildGenerator.Scope s) {
    SeededRandom rnd = s.rnd();
    long createdAt = s.at();
    String status =
        rnd.pick(
            "draft",
            "approval-sent",
            "approved",
            "sent",
            "sent-manually",
            "opened",
            "denied",
            "signed");
    boolean sent = List.of("sent", "sent-manually", "opened", "signed").contains(status);
    ObjectNode offer =
        Nodes.object()
            .put("id", s.childId())
            .put("createdAt", createdAt)
            .put("creator", ref.userId(rnd))
            .put("status", status);
    ArrayNode fields = offer.putArray("fields");
    ObjectNode posting = s.candidacy().posting();
    offerField(fields, "Job posting", "job_posting")
        .put("value", s.postingId() == null ? "" : s.postingId());
    offerField(fields, "Job title", "job_title")
        .put("value", posting == null ? rnd.pick(SampleText.TITLES) : posting.get("text").asText());
    offerField(fields, "Candidate name", "candidate_name")
        .put("value", s.opportunity().path("name").asText());
    offerField(fields, "Salary amount", "salary_amount")
        .put("value", rnd.between(40, 400) * 10_000);
    offerField(fields, "Compensation currency", "compensation_currency")
        .put("value", rnd.pick("USD", "EUR"));
    offerField(fields, "Salary interval", "salary_interval").put("value", "per-year-salary");
    offerField(fields, "Hiring manager", "hiring_manager").put("value", ref.userId(rnd));
    offerField(fields, "Today's date", "today_date").put("value", createdAt);
    offerField(fields, "Anticipated start date", "anticipated_start_date")
        .put("value", createdAt + 30 * DAY);
    if (rnd.chance(0.5)) {
      offerField(fields, "Signing bonus", "custom_signing_bonus")
          .put("value", rnd.between(0, 20) * 500.25);
    }
    String name = s.opportunity().path("name").asText();
    String email = s.opportunity().path("emails").path(0).asText("");
    long sentAt = createdAt + rnd.between(0L, 3 * DAY);
    if (sent) {
      ObjectNode candidate =
          offer
              .putObject("signatures")
              .putObject("candidate")
              .put("role", "candidate")
              .put("name", name)
              .put("email", email);
      boolean signed = "signed".equals(status);
      candidate
          .put("firstOpenedAt", "sent".equals(status) ? null : sentAt + DAY)
          .put("lastOpenedAt", "sent".equals(status) ? null : sentAt + 2 * DAY)
          .put("signedAt", signed ? sentAt + 2 * DAY : null)
          .put("signed", signed);
      offer.set("sentDocument", document(rnd, "Offer letter.pdf", sentAt));
      offer.set(
          "signedDocument",
          signed ? document(rnd, "Offer letter (signed).pdf", sentAt + 2 * DAY) : null);
    } else {
      offer.putNull("signatures").putNull("sentDocument").putNull("signedDocument");
    }
    boolean approved =
        !"draft".equals(status) && !"approval-sent".equals(status) && !"denied".equals(status);
    offer.put("approvedAt", approved ? createdAt + DAY : null).put("sentAt", sent ? sentAt : null);
    offer.put("approved", approved).put("posting", s.postingId());
    return offer;
  }

  private static ObjectNode offerField(ArrayNode fields, String text, String identifier) {
    return fields.addObject().put("text", text).put("identifier", identifier);
  }

  private static ObjectNode document(SeededRandom rnd, String fileName, long uploadedAt) {
    return Nodes.object()
        .put("fileName", fileName)
        .put("uploadedAt", uploadedAt)
        .put("downloadUrl", "https://hire.lever.co/offers/" + rnd.hex(12) + "/download");
  }

  ObjectNode resume(ChildGenerator.Scope s) {
    SeededRandom rnd = s.rnd();
    long createdAt = s.at();
    String id = s.childId();
    String status =
        rnd.pick("processed", "processed", "processed", "processing", "unsupported", "error");
    ObjectNode resume = Nodes.object().put("id", id).put("createdAt", createdAt);
    ObjectNode file =
        resume
            .putObject("file")
            .put("name", "CV " + s.opportunity().path("name").asText() + ".pdf")
            .put("ext", "pdf")
            .put(
                "downloadUrl",
                "https://hire.lever.co/candidates/"
                    + s.opportunityId()
                    + "/resumes/"
                    + id
                    + "/download");
    if (rnd.chance(0.9)) {
      file.put("uploadedAt", createdAt);
    }
    file.put("status", status).put("size", rnd.between(20_000, 2_000_000));
    if (!"error".equals(status)) {
      ObjectNode parsed = resume.putObject("parsedData");
      ArrayNode positions = parsed.putArray("positions");
      for (int i = rnd.between(0, 2); i > 0; i--) {
        ObjectNode position =
            positions
                .addObject()
                .put("org", rnd.pick(SampleText.COMPANIES))
                .put("title", rnd.pick(SampleText.TITLES))
                .put("summary", "Built things")
                .put("location", rnd.pick(SampleText.LOCATIONS));
        position
            .putObject("start")
            .put("year", rnd.between(2005, 2018))
            .put("month", rnd.between(1, 12));
        position
            .putObject("end")
            .put("year", rnd.between(2018, 2024))
            .put("month", rnd.between(1, 12));
      }
      ArrayNode schools = parsed.putArray("schools");
      ObjectNode school =
          schools
              .addObject()
              .put("org", rnd.pick(SampleText.SCHOOLS))
              .put("degree", "BSc")
              .put("field", "Computer Science")
              .put("summary", "");
      school.putObject("start").put("year", rnd.between(1995, 2012)).put("month", 9);
      school.putObject("end").put("year", rnd.between(2012, 2016)).put("month", 6);
    }
    return resume;
  }

  ObjectNode file(ChildGenerator.Scope s) {
    SeededRandom rnd = s.rnd();
    String id = s.childId();
    String ext = rnd.pick(".pdf", ".docx", ".png", ".txt");
    return Nodes.object()
        .put("id", id)
        .put(
            "downloadUrl",
            "https://hire.lever.co/candidates/" + s.opportunityId() + "/files/" + id + "/download")
        .put("ext", ext)
        .put("name", rnd.pick("Portfolio", "Cover letter", "Référence", "課題") + ext)
        .put("uploadedAt", s.at())
        .put(
            "status",
            rnd.chance(0.2) ? null : rnd.pick("processing", "processed", "unsupported", "error"))
        .put("size", rnd.between(1_000, 5_000_000));
  }
}
