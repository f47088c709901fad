package taplever.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates postings (§7.5) and requisitions (§7.6), including confidential ones, {@code
 * "unlimited"} headcounts, approvers whose {@code user} is a string or an object, and custom fields
 * typed by {@code /requisition_fields}.
 */
final class PostingGenerator {
  private static final long START = DatasetGenerator.START_MS;
  private static final long END = DatasetGenerator.END_MS;
  private static final long DAY = DatasetGenerator.DAY_MS;
  private final long seed;
  private final List<ObjectNode> users;
  private final boolean newFields;

  PostingGenerator(long seed, List<ObjectNode> users, boolean newFields) {
    this.seed = seed;
    this.users = users;
    this.newFields = newFields;
  }

  private String userId(SeededRandom rnd) {
    return rnd.pick(users).get("id").asText();
  }

  List<ObjectNode> postings(int count) {
    SeededRandom rnd = SeededRandom.of(seed, 10);
    List<ObjectNode> postings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String id = rnd.uuid();
      String title = rnd.pick(SampleText.TITLES) + (rnd.chance(0.2) ? " (m/w/d)" : "");
      String location = rnd.pick(SampleText.LOCATIONS);
      long createdAt = rnd.between(START, END - 10 * DAY);
      double r = rnd.nextDouble();
      String state = r < 0.5 ? "published" : r < 0.65 ? "internal" : r < 0.85 ? "closed" : "draft";
      boolean confidential = i == 1 || (i > 2 && rnd.chance(0.08));
      ObjectNode posting =
          Nodes.object()
              .put("id", id)
              .put("text", title)
              .put("createdAt", createdAt)
              .put("updatedAt", rnd.between(createdAt, END))
              .put("state", state);
      posting.set(
          "distributionChannels",
          switch (state) {
            case "published" -> Nodes.strings("public", "internal");
            case "internal" -> Nodes.strings("internal");
            default -> Nodes.array();
          });
      posting.put("confidentiality", confidential ? "confidential" : "non-confidential");
      posting.put("user", userId(rnd)).put("owner", userId(rnd)).put("hiringManager", userId(rnd));
      ObjectNode categories =
          posting
              .putObject("categories")
              .put("team", rnd.pick(SampleText.TEAMS))
              .put("department", rnd.pick(SampleText.DEPARTMENTS))
              .put("location", location);
      categories.set("allLocations", Nodes.strings(location));
      categories.put("commitment", rnd.pick(SampleText.COMMITMENTS));
      if (rnd.chance(0.3)) {
        categories.put("level", rnd.pick("junior", "mid", "senior"));
      }
      posting.set("tags", Nodes.strings(rnd.pick(SampleText.TAGS)));
      ObjectNode content = posting.putObject("content");
      content
          .put("description", "Join us as a " + title + " in " + location + ".")
          .put(
              "descriptionHtml",
              "<div>Join us as a <b>" + title + "</b> in " + location + ".</div>");
      ArrayNode lists = content.putArray("lists");
      lists.add(
          Nodes.object()
              .put("text", "Requirements")
              .put("content", "<li>Curiosity</li><li>Java</li>"));
      content
          .put("closing", "We value diversity ✨")
          .put("closingHtml", "<div>We value diversity ✨</div>");
      if (rnd.chance(0.4)) {
        content.putArray("customQuestions").add(FormFields.postingQuestions(rnd, createdAt));
      }
      posting.put("country", rnd.pick("US", "GB", "DE", "PL", "JP", "BR"));
      posting.set("followers", Nodes.strings(userId(rnd), userId(rnd)));
      String reqCode = "REQ-" + (1000 + i);
      if (rnd.chance(0.5)) {
        posting.put("reqCode", reqCode);
      } else {
        posting.putNull("reqCode");
      }
      posting.set("requisitionCodes", rnd.chance(0.7) ? Nodes.strings(reqCode) : Nodes.array());
      posting
          .putObject("urls")
          .put("list", "https://jobs.lever.co/example")
          .put("show", "https://jobs.lever.co/example/" + id)
          .put("apply", "https://jobs.lever.co/example/" + id + "/apply");
      posting.put("workplaceType", rnd.pick("onsite", "remote", "hybrid", "unspecified"));
      if (rnd.chance(0.6)) {
        int min = rnd.between(50, 150) * 1000;
        posting
            .put("salaryDescription", "Competitive pay")
            .put("salaryDescriptionHtml", "<div>Competitive pay</div>");
        posting
            .putObject("salaryRange")
            .put("min", min)
            .put("max", min + rnd.between(10, 60) * 1000)
            .put("currency", rnd.pick("USD", "EUR", "GBP"))
            .put("interval", "per-year-salary");
      }
      if (newFields) {
        // Schema drift with a type conflict: an integer on some postings, a string on others.
        switch (i % 3) {
          case 0 -> posting.put("brandNewPriority", SeededRandom.of(seed, 12, i).between(1, 5));
          case 1 -> posting.put("brandNewPriority", "high");
          default -> {}
        }
      }
      postings.add(posting);
    }
    return postings;
  }

  List<ObjectNode> requisitions(int count, List<ObjectNode> postings) {
    SeededRandom rnd = SeededRandom.of(seed, 11);
    List<ObjectNode> requisitions = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long createdAt = rnd.between(START, END - 20 * DAY);
      boolean confidential = i == 0 || rnd.chance(0.1);
      String status = rnd.pick("open", "open", "onHold", "closed", "draft");
      ObjectNode req =
          Nodes.object()
              .put("id", rnd.uuid())
              .put("requisitionCode", "REQ-" + (1000 + i))
              .put("name", rnd.pick(SampleText.TITLES) + " #" + (i + 1))
              .put("backfill", rnd.chance(0.3))
              .put("confidentiality", confidential ? "confidential" : "non-confidential")
              .put("createdAt", createdAt)
              .put("creator", userId(rnd));
      int total = rnd.between(1, 5);
      boolean unlimited = i == 1 || rnd.chance(0.15);
      int hired = rnd.between(0, total);
      if (unlimited && (i == 1 || rnd.chance(0.3))) {
        req.put("headcountHired", "unlimited"); // the reference allows the string here too
      } else {
        req.put("headcountHired", hired);
      }
      if (unlimited) {
        req.put("headcountTotal", "unlimited");
      } else {
        req.put("headcountTotal", total);
      }
      req.put("hiringManager", userId(rnd))
          .put("owner", userId(rnd))
          .put("status", status)
          .put(
              "employmentStatus",
              rnd.pick("full-time", "part-time", "intern", "contractor", "temp-worker"))
          .put("location", rnd.pick(SampleText.LOCATIONS))
          .put("team", rnd.pick(SampleText.TEAMS))
          .put("department", rnd.pick(SampleText.DEPARTMENTS));
      if (rnd.chance(0.5)) {
        req.put("internalNotes", rnd.pick(SampleText.NOTES));
      } else {
        req.putNull("internalNotes");
      }
      req.set("postings", Nodes.strings(rnd.pick(postings).get("id").asText()));
      req.set("offerIds", Nodes.array());
      if (rnd.chance(0.7)) {
        int min = rnd.between(60, 160) * 1000;
        req.putObject("compensationBand")
            .put("currency", "USD")
            .put("interval", "per-year-salary")
            .put("min", min)
            .put("max", min + 40_000);
      } else {
        req.putNull("compensationBand");
      }
      req.set("approval", approval(rnd, createdAt));
      // Keyed by /requisition_fields id, typed by its definition: text, dropdown option id,
      // date as epoch ms, number, and the object one as a nested map (with a date subfield).
      ObjectNode custom =
          req.putObject("customFields")
              .put("cost_center", "CC-" + rnd.between(100, 999))
              .put("level", rnd.pick("l1", "l2", "l3", "l4", "principal"))
              .put("target_start_date", rnd.between(createdAt, END));
      if (i == 0 || rnd.chance(0.8)) {
        custom.put("budget", rnd.between(50, 300) * 1000);
      }
      custom
          .putObject("compensation_details")
          .put("base", rnd.between(60, 200) * 1000)
          .put("bonus_plan", rnd.pick("none", "10% target", "Équipe"))
          .put("effective_date", rnd.between(createdAt, END));
      long updatedAt = rnd.between(createdAt, END);
      if ("closed".equals(status)) {
        req.put("closedAt", updatedAt);
      } else {
        req.putNull("closedAt");
      }
      req.put("timeToFillStartAt", createdAt);
      if ("closed".equals(status)) {
        req.put("timeToFillEndAt", updatedAt);
      } else {
        req.putNull("timeToFillEndAt");
      }
      req.put("updatedAt", updatedAt);
      requisitions.add(req);
    }
    return requisitions;
  }

  private ObjectNode approval(SeededRandom rnd, long createdAt) {
    ObjectNode approval = Nodes.object();
    ArrayNode steps = approval.putArray("steps");
    if (rnd.chance(0.3)) {
      return approval;
    }
    long startedAt = createdAt + rnd.between(0L, 5 * DAY);
    approval
        .put("id", rnd.uuid())
        .put("status", rnd.pick("pending", "approved"))
        .put("startedAt", startedAt)
        .put("approvedAt", startedAt + rnd.between(0L, 10 * DAY))
        .put("accountId", "account-" + rnd.hex(8))
        .put("createdBy", userId(rnd));
    ObjectNode step =
        steps
            .addObject()
            .put("completed", rnd.chance(0.6))
            .put("status", "approved")
            .put("outOfBandOnly", false)
            .put("approvalsRequired", 1);
    ArrayNode approvers = step.putArray("approvers");
    for (int k = 0; k < 2; k++) {
      ObjectNode approver =
          approvers
              .addObject()
              .put("id", rnd.uuid())
              .put("approved", rnd.chance(0.5))
              .put("approvedAt", startedAt + rnd.between(0L, 3 * DAY))
              .put("isDynamic", k == 1);
      ObjectNode user = rnd.pick(users);
      if (k == 0) {
        approver.put("user", user.get("id").asText());
      } else {
        approver
            .putObject("user")
            .put("userId", user.get("id").asText())
            .put("email", user.get("email").asText());
      }
      approver.put("type", k == 0 ? "static" : "dynamic").putNull("overridingUserId");
    }
    return approval;
  }
}
