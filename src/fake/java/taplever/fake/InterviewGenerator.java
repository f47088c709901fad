package taplever.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generates an opportunity's panels, interviews, feedback and notes, cross-linked the way Lever
 * links them (interviews belong to a panel; feedback may point at an interview and its panel).
 */
final class InterviewGenerator {
  private static final long DAY = DatasetGenerator.DAY_MS;
  private static final long HOUR = 3_600_000L;
  private final ReferenceData ref;

  InterviewGenerator(ReferenceData ref) {
    this.ref = ref;
  }

  void generate(ChildGenerator.Scope s, Map<ChildKind, List<ObjectNode>> lists) {
    SeededRandom rnd = s.rnd();
    List<ObjectNode> panels = new ArrayList<>();
    List<ObjectNode> interviews = new ArrayList<>();
    int panelCount = rnd.between(0, 2);
    for (int p = 0; p < panelCount && interviews.size() < 3; p++) {
      panels.add(panel(s, rnd.between(1, 3 - interviews.size()), interviews));
    }
    List<ObjectNode> feedback = new ArrayList<>();
    int feedbackCount = rnd.between(0, 3);
    for (int i = 0; i < feedbackCount; i++) {
      ObjectNode interview = !interviews.isEmpty() && rnd.chance(0.7) ? rnd.pick(interviews) : null;
      ObjectNode form = feedback(s, interview);
      if (interview != null) {
        ((ArrayNode) interview.get("feedbackForms")).add(form.get("id").asText());
      }
      feedback.add(form);
    }
    for (ObjectNode panel : panels) {
      panel.set("interviews", interviewsOf(panel, interviews));
    }
    lists.put(ChildKind.PANELS, panels);
    lists.put(ChildKind.INTERVIEWS, interviews);
    lists.put(ChildKind.FEEDBACK, feedback);
    int notes = rnd.between(s.fresh() ? 1 : 0, 3);
    lists.put(ChildKind.NOTES, ChildGenerator.repeat(notes, () -> note(s)));
  }

  private ObjectNode panel(
      ChildGenerator.Scope s, int interviewCount, List<ObjectNode> allInterviews) {
    SeededRandom rnd = s.rnd();
    long createdAt = s.at();
    long start = createdAt + (s.fresh() ? 0 : rnd.between(1L, 14L) * DAY);
    String timezone = rnd.pick(SampleText.TIMEZONES);
    String reminder = rnd.pick("once", "daily", "frequently", "none");
    String panelId = s.childId();
    ObjectNode panel = Nodes.object().put("id", panelId);
    String appId = s.candidacy().applicationId();
    panel.set("applications", appId == null ? Nodes.array() : Nodes.strings(appId));
    panel
        .put("canceledAt", rnd.chance(0.1) ? createdAt + HOUR : null)
        .put("createdAt", createdAt)
        .put("start", start);
    long at = start;
    for (int i = 0; i < interviewCount; i++) {
      ObjectNode interview = interview(s, panelId, at, timezone, reminder, createdAt);
      allInterviews.add(interview);
      at += interview.get("duration").asLong() * 60_000L;
    }
    panel
        .put("end", at)
        .put("timezone", timezone)
        .put("feedbackReminder", reminder)
        .put("user", ref.userId(rnd))
        .put("stage", s.stageId())
        .put("note", rnd.chance(0.5) ? rnd.pick(SampleText.NOTES) : null);
    boolean external = rnd.chance(0.2);
    panel
        .put("externallyManaged", external)
        .put("externalUrl", external ? "https://scheduler.example.com/p/" + rnd.hex(10) : null);
    return panel;
  }

  /**
   * A panel's {@code interviews}: full copies of its interview objects (taken once feedback links
   * are in place, so both lists agree), in schedule order.
   */
  static ArrayNode interviewsOf(ObjectNode panel, List<ObjectNode> interviews) {
    String panelId = panel.get("id").asText();
    List<ObjectNode> own = new ArrayList<>();
    for (ObjectNode interview : interviews) {
      if (panelId.equals(interview.path("panel").asText())) {
        own.add(interview);
      }
    }
    own.sort(
        java.util.Comparator.comparingLong((ObjectNode i) -> i.get("date").asLong())
            .thenComparing(i -> i.get("id").asText()));
    ArrayNode copies = Nodes.array();
    own.forEach(i -> copies.add(i.deepCopy()));
    return copies;
  }

  private ObjectNode interview(
      ChildGenerator.Scope s,
      String panelId,
      long date,
      String timezone,
      String reminder,
      long createdAt) {
    SeededRandom rnd = s.rnd();
    String template = ref.feedbackTemplateId(rnd);
    ObjectNode interview =
        Nodes.object()
            .put("id", s.childId())
            .put("panel", panelId)
            .put("subject", "Interview with " + s.opportunity().path("name").asText())
            .put("note", rnd.chance(0.4) ? rnd.pick(SampleText.NOTES) : null);
    ArrayNode interviewers = interview.putArray("interviewers");
    for (int i = rnd.between(1, 2); i > 0; i--) {
      ObjectNode user = ref.user(rnd);
      interviewers
          .addObject()
          .put("id", user.get("id").asText())
          .put("email", user.get("email").asText())
          .put("name", user.get("name").asText())
          .put("feedbackTemplate", rnd.chance(0.8) ? template : null);
    }
    interview
        .put("timezone", timezone)
        .put("createdAt", createdAt)
        .put("date", date)
        .put("duration", rnd.pick(30, 45, 60, 90))
        .put("location", rnd.chance(0.6) ? rnd.pick("Zoom", "Room 101 — Ærø", "Google Meet") : null)
        .put("feedbackTemplate", template);
    interview.putArray("feedbackForms");
    interview
        .put("feedbackReminder", reminder)
        .put("user", ref.userId(rnd))
        .put("stage", s.stageId())
        .put("canceledAt", rnd.chance(0.1) ? createdAt + HOUR : null);
    interview.set("postings", s.postingId() == null ? Nodes.array() : Nodes.strings(s.postingId()));
    if (rnd.chance(0.5)) {
      interview.put("gcalEventUrl", "https://calendar.example.com/event?eid=" + rnd.hex(16));
    }
    return interview;
  }

  private ObjectNode feedback(ChildGenerator.Scope s, ObjectNode interview) {
    SeededRandom rnd = s.rnd();
    long createdAt = interview == null ? s.at() : interview.get("date").asLong() + HOUR;
    ObjectNode template = rnd.pick(ref.feedbackTemplates);
    ObjectNode form =
        Nodes.object()
            .put("id", s.childId())
            .put(
                "type",
                interview != null ? "interview" : rnd.pick("assigment", "share", "interview"))
            .put("text", template.get("text").asText())
            .put("instructions", template.path("instructions").asText())
            .put("baseTemplateId", template.get("id").asText());
    form.set("fields", FormFields.feedback(rnd, createdAt, true));
    form.put("user", ref.userId(rnd))
        .put("panel", interview == null ? null : interview.get("panel").asText())
        .put("interview", interview == null ? null : interview.get("id").asText())
        .put("createdAt", createdAt);
    double r = rnd.nextDouble();
    if (r < 0.6) {
      form.put("updatedAt", createdAt + rnd.between(0L, 2 * DAY));
    } else if (r < 0.8) {
      form.putNull("updatedAt");
    }
    form.put("completedAt", rnd.chance(0.85) ? createdAt + HOUR : null);
    if (rnd.chance(0.3)) {
      form.put("deletedAt", rnd.chance(0.3) ? createdAt + DAY : null);
    }
    return form;
  }

  /**
   * A note comment; some quote the candidate's contact details, which are personal data copied from
   * the opportunity (so {@link PlantedPii} covers them).
   */
  private static String noteText(ChildGenerator.Scope s, SeededRandom rnd) {
    if (rnd.chance(0.8)) {
      return rnd.pick(SampleText.NOTES);
    }
    JsonNode emails = s.opportunity().path("emails");
    JsonNode phones = s.opportunity().path("phones");
    String reach =
        emails.size() > 0
            ? emails.get(0).asText()
            : phones.size() > 0 ? phones.get(0).path("value").asText() : "the recruiter";
    return "Prefers to be reached via "
        + reach
        + " — call "
        + s.opportunity().path("name").asText();
  }

  private ObjectNode note(ChildGenerator.Scope s) {
    SeededRandom rnd = s.rnd();
    long createdAt = s.at();
    String author = ref.userId(rnd);
    ObjectNode note = Nodes.object().put("id", s.childId()).put("text", "Note");
    ArrayNode fields = note.putArray("fields");
    long at = createdAt;
    for (int i = rnd.between(1, 3); i > 0; i--) {
      ObjectNode comment =
          fields
              .addObject()
              .put("type", "note")
              .put("text", "Note")
              .put("value", noteText(s, rnd))
              .put("createdAt", at)
              .put("user", fields.size() == 1 ? author : ref.userId(rnd));
      if (rnd.chance(0.3)) {
        comment.put("score", rnd.between(1, 4));
      }
      comment.put("stage", rnd.chance(0.7) ? s.stageId() : null);
      at += s.fresh() ? 0 : rnd.between(0L, DAY);
    }
    note.put("user", author)
        .put("secret", rnd.chance(0.15))
        .put("createdAt", createdAt)
        .put("completedAt", createdAt);
    if (rnd.chance(0.6)) {
      note.put("deletedAt", rnd.chance(0.1) ? at + DAY : null);
    }
    return note;
  }
}
