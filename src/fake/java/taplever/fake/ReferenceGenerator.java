package taplever.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the account-level reference collections: users, stages, archive reasons, requisition
 * fields and feedback / profile-form templates. Postings and requisitions come from {@link
 * PostingGenerator}.
 */
final class ReferenceGenerator {
  private static final long START = DatasetGenerator.START_MS;
  private static final long END = DatasetGenerator.END_MS;

  /** Postings deleted before the dataset's "now", served by {@code /postings/deleted}. */
  static final int DELETED_POSTINGS = 4;

  private final long seed;
  private final boolean newFields;

  ReferenceGenerator(long seed, boolean newFields) {
    this.seed = seed;
    this.newFields = newFields;
  }

  ReferenceData generate(int opportunities) {
    List<ObjectNode> users = users(Math.max(5, opportunities / 20));
    List<ObjectNode> stages = stages();
    List<ObjectNode> reasons = archiveReasons();
    List<ObjectNode> fields = requisitionFields();
    List<ObjectNode> feedbackTemplates = feedbackTemplates(stages);
    List<ObjectNode> formTemplates = formTemplates();
    PostingGenerator postingGenerator = new PostingGenerator(seed, users, newFields);
    int live = Math.max(3, opportunities / 10);
    List<ObjectNode> all = postingGenerator.postings(live + DELETED_POSTINGS);
    List<ObjectNode> postings = all.subList(0, live);
    List<ObjectNode> deleted = new ArrayList<>();
    SeededRandom rnd = SeededRandom.of(seed, 13);
    for (ObjectNode posting : all.subList(live, all.size())) {
      long after = Math.max(posting.get("updatedAt").asLong(), posting.get("createdAt").asLong());
      deleted.add(
          posting
              .deepCopy()
              .put("deletedAt", rnd.between(after, END))
              .put("deletedBy", rnd.pick(users).get("id").asText()));
    }
    List<ObjectNode> requisitions =
        postingGenerator.requisitions(Math.max(2, opportunities / 15), postings);
    return new ReferenceData(
        users,
        stages,
        reasons,
        postings,
        deleted,
        requisitions,
        fields,
        feedbackTemplates,
        formTemplates);
  }

  private List<ObjectNode> users(int count) {
    SeededRandom rnd = SeededRandom.of(seed, 1);
    List<ObjectNode> users = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String name = SampleText.fullName(rnd);
      String email = SampleText.staffEmail(name, rnd);
      long createdAt = rnd.between(START, END - 30 * DatasetGenerator.DAY_MS);
      ObjectNode user =
          Nodes.object()
              .put("id", rnd.uuid())
              .put("name", name)
              .put("username", email.substring(0, email.indexOf('@')))
              .put("email", email)
              .put("createdAt", createdAt);
      boolean deactivated = i == 1 || (i > 4 && rnd.chance(0.12));
      if (deactivated) {
        user.put("deactivatedAt", rnd.between(createdAt, END));
      } else {
        user.putNull("deactivatedAt");
      }
      user.put("accessRole", i == 0 ? "super admin" : rnd.pick(SampleText.ACCESS_ROLES));
      if (rnd.chance(0.6)) {
        user.put("photo", "https://photos." + PlantedPii.DOMAIN + "/avatar/" + rnd.hex(32));
      } else {
        user.putNull("photo");
      }
      if (rnd.chance(0.3)) {
        user.put("externalDirectoryId", "okta-" + rnd.hex(10));
      } else {
        user.putNull("externalDirectoryId");
      }
      user.putNull("linkedContactIds");
      user.put("jobTitle", rnd.pick(SampleText.TITLES));
      if (i > 0 && rnd.chance(0.7)) {
        user.put("managerId", users.get(rnd.between(0, i - 1)).get("id").asText());
      } else {
        user.putNull("managerId");
      }
      users.add(user);
    }
    return users;
  }

  private List<ObjectNode> stages() {
    SeededRandom rnd = SeededRandom.of(seed, 2);
    List<ObjectNode> stages = new ArrayList<>();
    stages.add(Nodes.idText("lead-new", "New lead"));
    stages.add(Nodes.idText("lead-reached-out", "Reached out"));
    stages.add(Nodes.idText("lead-responded", "Responded"));
    stages.add(Nodes.idText("applicant-new", "New applicant"));
    for (String text :
        List.of("Recruiter screen", "Phone interview", "On-site interview", "Offer")) {
      stages.add(Nodes.idText(rnd.uuid(), text));
    }
    return stages;
  }

  private List<ObjectNode> archiveReasons() {
    SeededRandom rnd = SeededRandom.of(seed, 3);
    String[][] rows = {
      {"Hired", "active", "hired"}, {"Hired — internal transfer", "inactive", "hired"},
      {"Underqualified", "active", "non-hired"}, {"Withdrew", "active", "non-hired"},
      {"Position filled", "active", "non-hired"}, {"Timing / Zeitpunkt", "inactive", "non-hired"}
    };
    List<ObjectNode> reasons = new ArrayList<>();
    for (String[] row : rows) {
      reasons.add(
          Nodes.object()
              .put("id", rnd.uuid())
              .put("text", row[0])
              .put("status", row[1])
              .put("type", row[2]));
    }
    return reasons;
  }

  private List<ObjectNode> requisitionFields() {
    List<ObjectNode> fields = new ArrayList<>();
    fields.add(reqField("cost_center", "Cost center", "text", true));
    ObjectNode level = reqField("level", "Level", "dropdown", false);
    ArrayNode options = level.putArray("options");
    for (String option : List.of("L1", "L2", "L3", "L4", "Principal")) {
      options.add(
          Nodes.object().put("id", option.toLowerCase(java.util.Locale.ROOT)).put("text", option));
    }
    fields.add(level);
    fields.add(reqField("target_start_date", "Target start date", "date", false));
    fields.add(reqField("budget", "Budget", "number", false));
    ObjectNode compensation =
        reqField("compensation_details", "Compensation details", "object", false);
    ArrayNode subfields = compensation.putArray("subfields");
    subfields.add(Nodes.object().put("id", "base").put("text", "Base").put("type", "number"));
    subfields.add(
        Nodes.object().put("id", "bonus_plan").put("text", "Bonus plan").put("type", "text"));
    subfields.add(
        Nodes.object()
            .put("id", "effective_date")
            .put("text", "Effective date")
            .put("type", "date"));
    fields.add(compensation);
    return fields;
  }

  private static ObjectNode reqField(String id, String text, String type, boolean required) {
    return Nodes.object()
        .put("id", id)
        .put("text", text)
        .put("type", type)
        .put("isRequired", required);
  }

  private List<ObjectNode> feedbackTemplates(List<ObjectNode> stages) {
    SeededRandom rnd = SeededRandom.of(seed, 4);
    List<ObjectNode> templates = new ArrayList<>();
    String[] names = {
      "No feedback", "Phone screen", "Technical interview", "Culture add", "Reference check"
    };
    for (int i = 0; i < names.length; i++) {
      long createdAt = rnd.between(START, START + 200 * DatasetGenerator.DAY_MS);
      ObjectNode template = Nodes.object().put("id", rnd.uuid()).put("text", names[i]);
      if (i % 2 == 0) {
        template.putNull("group");
      } else {
        template.set(
            "group", Nodes.object().put("id", rnd.uuid()).put("name", "Interview kit " + i));
      }
      template.put("instructions", i == 0 ? "" : "Be kind, be specific.");
      template.put("createdAt", createdAt).put("updatedAt", rnd.between(createdAt, END));
      if (i == 0) {
        template.putNull("stage");
      } else {
        ObjectNode stage = stages.get(3 + i % 5);
        template.set("stage", Nodes.idText(stage.get("id").asText(), stage.get("text").asText()));
      }
      template.set("fields", FormFields.feedback(rnd, createdAt, false));
      templates.add(template);
    }
    return templates;
  }

  private List<ObjectNode> formTemplates() {
    SeededRandom rnd = SeededRandom.of(seed, 5);
    List<ObjectNode> templates = new ArrayList<>();
    List<String> names = List.of("Offer details", "Relocation", "Background check");
    for (int i = 0; i < names.size(); i++) {
      long createdAt = rnd.between(START, START + 300 * DatasetGenerator.DAY_MS);
      ObjectNode template = Nodes.object().put("id", rnd.uuid()).put("text", names.get(i));
      String groupId = rnd.uuid();
      // Lever's group "may be an empty string or null" besides an object: one of each.
      switch (i) {
        case 0 -> template.set("group", Nodes.object().put("id", groupId).put("name", "HR"));
        case 1 -> template.put("group", "");
        default -> template.putNull("group");
      }
      template.put("instructions", "Fill in after the final interview");
      template.put("secretByDefault", rnd.chance(0.5));
      template.set("fields", FormFields.profileForm(rnd, createdAt, false));
      template.put("createdAt", createdAt).put("updatedAt", rnd.between(createdAt, END));
      templates.add(template);
    }
    return templates;
  }
}
