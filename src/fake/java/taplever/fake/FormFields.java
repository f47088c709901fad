package taplever.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Form-field objects (reference §7.20) shared by feedback, profile forms, referrals, application
 * custom questions and the templates. {@code value} is polymorphic by {@code type}: strings,
 * numbers, timestamps, arrays, objects.
 */
final class FormFields {
  private static final String[] SCORE_SYSTEM = {
    "4 - Strong Hire", "3 - Hire", "2 - No Hire", "1 - Strong No Hire"
  };
  private static final String[] OPTIONS = {
    "Yes, immediately", "Within a month", "Not sure", "Später"
  };

  private FormFields() {}

  /**
   * Feedback form: exactly one score-system plus a mix of other kinds. Without answers when {@code
   * answered} is false (templates).
   */
  static ArrayNode feedback(SeededRandom rnd, long at, boolean answered) {
    ArrayNode fields = Nodes.array();
    fields.add(field(rnd, "score-system", "Rating", at, answered));
    fields.add(field(rnd, "textarea", "Summary", at, answered));
    String[] extra = {
      "yes-no", "score", "scorecard", "multiple-select", "date", "code", "dropdown"
    };
    int count = rnd.between(1, 3);
    for (int i = 0; i < count; i++) {
      String type = rnd.pick(extra);
      fields.add(field(rnd, type, "Question: " + type, at, answered));
    }
    return fields;
  }

  /**
   * Profile-form fields (currency, date, dropdown, multiple-choice, multiple-select, text,
   * textarea, yes-no, file-upload).
   */
  static ArrayNode profileForm(SeededRandom rnd, long at, boolean answered) {
    ArrayNode fields = Nodes.array();
    String[] types = {
      "currency",
      "date",
      "dropdown",
      "multiple-choice",
      "multiple-select",
      "text",
      "textarea",
      "yes-no",
      "file-upload"
    };
    int count = rnd.between(2, 4);
    for (int i = 0; i < count; i++) {
      String type = rnd.pick(types);
      fields.add(field(rnd, type, "Profile " + type, at, answered));
    }
    return fields;
  }

  /** Referral form fields; like Lever's examples some carry no {@code id}. */
  static ArrayNode referral(SeededRandom rnd, long at) {
    ArrayNode fields = Nodes.array();
    fields.add(field(rnd, "text", "Relationship", at, true).without("id"));
    fields.add(field(rnd, "textarea", "Why are they a good fit?", at, true));
    fields.add(field(rnd, "yes-no", "Would you work with them again?", at, true));
    return fields;
  }

  /**
   * The questions a posting asks applicants ({@code content.customQuestions}): one form, always
   * with a file upload, unanswered.
   */
  static ObjectNode postingQuestions(SeededRandom rnd, long at) {
    ObjectNode form =
        Nodes.object()
            .put("id", rnd.uuid())
            .put("type", "form")
            .put("text", "Application questions")
            .put("description", "Tell us a little more");
    ArrayNode fields = form.putArray("fields");
    fields.add(field(rnd, "file-upload", "Portfolio or work sample", at, false));
    fields.add(field(rnd, rnd.pick("text", "textarea"), "Why this role?", at, false));
    fields.add(field(rnd, rnd.pick("multiple-choice", "yes-no"), "Notice period", at, false));
    return form;
  }

  /** A copy of the unanswered {@code template} field with an answer typed per §7.20. */
  static ObjectNode answered(SeededRandom rnd, JsonNode template, long at) {
    ObjectNode field = ((ObjectNode) template).deepCopy();
    setValue(rnd, field, field.path("type").asText(), at);
    return field;
  }

  /** One field of {@code type}; {@code value} typed per §7.20 (or absent when not answered). */
  static ObjectNode field(SeededRandom rnd, String type, String text, long at, boolean answered) {
    ObjectNode field =
        Nodes.object()
            .put("id", rnd.uuid())
            .put("type", type)
            .put("text", text)
            .put("description", rnd.chance(0.5) ? "" : "Please be specific")
            .put("required", rnd.chance(0.4));
    switch (type) {
      case "score-system" -> {
        field.set("options", options(SCORE_SYSTEM));
        field.put("prompt", "Overall recommendation");
      }
      case "dropdown", "multiple-choice", "multiple-select" -> {
        field.set("options", options(OPTIONS));
        field.put("prompt", "Choose");
      }
      case "currency" -> field.put("currency", rnd.pick("USD", "EUR", "JPY", "GBP"));
      case "code" -> field.put("language", rnd.pick("java", "python", "sql"));
      default -> {}
    }
    if (answered) {
      setValue(rnd, field, type, at);
    }
    return field;
  }

  private static void setValue(SeededRandom rnd, ObjectNode field, String type, long at) {
    if (rnd.chance(0.1) && !"score-system".equals(type)) {
      field.putNull("value");
      return;
    }
    switch (type) {
      case "score-system" -> field.put("value", rnd.pick(SCORE_SYSTEM));
      case "dropdown", "multiple-choice" -> field.put("value", rnd.pick(OPTIONS));
      case "multiple-select" ->
          field.set("value", Nodes.strings(rnd.pick(OPTIONS), rnd.pick(OPTIONS)));
      case "date" -> field.put("value", at - rnd.between(0L, 30L * 86_400_000L));
      case "currency" -> field.put("value", rnd.between(40_000, 250_000) + 0.5 * rnd.between(0, 1));
      case "yes-no" -> field.put("value", rnd.pick("yes", "no"));
      case "score" -> field.put("value", rnd.between(1, 4));
      case "scorecard" -> {
        ArrayNode scores = Nodes.array();
        scores.add(Nodes.object().put("score", rnd.between(1, 4)).put("comment", "Communication"));
        scores.add(
            Nodes.object().put("score", rnd.between(1, 4)).put("comment", "Technical depth"));
        field.set("scores", scores.deepCopy());
        field.set("value", scores);
      }
      case "code" -> field.put("value", "int add(int a, int b) { return a + b; }");
      case "file-upload" -> field.set("value", upload(rnd, at));
      default -> field.put("value", rnd.pick(SampleText.NOTES));
    }
  }

  /**
   * An uploaded file as a form answer: {@code {id, ext, name, size, uploadedAt}} with a numeric
   * size and an epoch-ms time; the id looks like Lever's upload ids ({@code <uuid>-<file name>}),
   * and {@code ext} has no dot, as on resumes (the reference does not say).
   */
  private static ObjectNode upload(SeededRandom rnd, long at) {
    String ext = rnd.pick("pdf", "docx", "zip");
    String name = rnd.pick("portfolio", "work-sample", "certificat") + "." + ext;
    return Nodes.object()
        .put("id", rnd.uuid() + "-" + name)
        .put("ext", ext)
        .put("name", name)
        .put("size", rnd.between(10_000, 8_000_000))
        .put("uploadedAt", at);
  }

  private static ArrayNode options(String[] texts) {
    ArrayNode options = Nodes.array();
    for (String text : texts) {
      options.add(Nodes.object().put("text", text));
    }
    return options;
  }
}
