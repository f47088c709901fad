package taplever.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The account-level collections every opportunity refers to (users, stages, postings ...).
 * Generated once per dataset and never mutated afterwards, so the generators can re-derive any
 * opportunity's children from it.
 */
final class ReferenceData {
  final List<ObjectNode> users;
  final List<ObjectNode> stages;
  final List<ObjectNode> archiveReasons;
  final List<ObjectNode> postings;
  final List<ObjectNode> deletedPostings;
  final List<ObjectNode> requisitions;
  final List<ObjectNode> requisitionFields;
  final List<ObjectNode> feedbackTemplates;
  final List<ObjectNode> formTemplates;
  private final Map<String, ObjectNode> postingsById = new HashMap<>();
  private final Map<String, ObjectNode> usersById = new HashMap<>();
  private final Map<String, ObjectNode> stagesById = new HashMap<>();
  private final List<ObjectNode> confidentialPostings;
  private final List<ObjectNode> openPostings;
  private final List<String> userIds;

  ReferenceData(
      List<ObjectNode> users,
      List<ObjectNode> stages,
      List<ObjectNode> archiveReasons,
      List<ObjectNode> postings,
      List<ObjectNode> deletedPostings,
      List<ObjectNode> requisitions,
      List<ObjectNode> requisitionFields,
      List<ObjectNode> feedbackTemplates,
      List<ObjectNode> formTemplates) {
    this.users = List.copyOf(users);
    this.stages = List.copyOf(stages);
    this.archiveReasons = List.copyOf(archiveReasons);
    this.postings = List.copyOf(postings);
    this.deletedPostings = List.copyOf(deletedPostings);
    this.requisitions = List.copyOf(requisitions);
    this.requisitionFields = List.copyOf(requisitionFields);
    this.feedbackTemplates = List.copyOf(feedbackTemplates);
    this.formTemplates = List.copyOf(formTemplates);
    this.userIds = users.stream().map(u -> u.get("id").asText()).toList();
    postings.forEach(p -> postingsById.put(p.get("id").asText(), p));
    deletedPostings.forEach(p -> postingsById.putIfAbsent(p.get("id").asText(), p));
    users.forEach(u -> usersById.put(u.get("id").asText(), u));
    stages.forEach(s -> stagesById.put(s.get("id").asText(), s));
    this.confidentialPostings =
        postings.stream()
            .filter(p -> "confidential".equals(Nodes.text(p, "confidentiality")))
            .toList();
    this.openPostings =
        postings.stream()
            .filter(p -> !"confidential".equals(Nodes.text(p, "confidentiality")))
            .toList();
  }

  /** A posting of the requested confidentiality (falls back to any posting). */
  ObjectNode postingFor(SeededRandom rnd, boolean confidential) {
    List<ObjectNode> pool = confidential ? confidentialPostings : openPostings;
    return rnd.pick(pool.isEmpty() ? postings : pool);
  }

  String userId(SeededRandom rnd) {
    return rnd.pick(userIds);
  }

  ObjectNode user(SeededRandom rnd) {
    return rnd.pick(users);
  }

  String stageId(SeededRandom rnd) {
    return rnd.pick(stages).get("id").asText();
  }

  int stageIndex(String stageId) {
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).get("id").asText().equals(stageId)) {
        return i;
      }
    }
    return 0;
  }

  /** The posting with {@code id} (deleted ones included), or null. */
  ObjectNode posting(String id) {
    return id == null ? null : postingsById.get(id);
  }

  /** The user with {@code id}, or null; shared, read-only. */
  ObjectNode userById(String id) {
    return id == null ? null : usersById.get(id);
  }

  /** The stage with {@code id}, or null; shared, read-only. */
  ObjectNode stageById(String id) {
    return id == null ? null : stagesById.get(id);
  }

  /** The first active non-hired archive reason: what an archive without a reason uses. */
  String defaultArchiveReasonId() {
    return archiveReasons.stream()
        .filter(r -> r.get("type").asText().equals("non-hired"))
        .filter(r -> r.get("status").asText().equals("active"))
        .findFirst()
        .orElseThrow()
        .get("id")
        .asText();
  }

  boolean isArchiveReason(String id) {
    return archiveReasons.stream().anyMatch(r -> r.get("id").asText().equals(id));
  }

  String feedbackTemplateId(SeededRandom rnd) {
    return rnd.pick(feedbackTemplates).get("id").asText();
  }

  String formTemplateId(SeededRandom rnd) {
    return rnd.pick(formTemplates).get("id").asText();
  }

  /** An archive reason id of the requested kind ({@code hired} / {@code non-hired}). */
  String archiveReasonId(SeededRandom rnd, boolean hired) {
    List<ObjectNode> matching =
        archiveReasons.stream()
            .filter(r -> r.get("type").asText().equals(hired ? "hired" : "non-hired"))
            .toList();
    return rnd.pick(matching).get("id").asText();
  }

  boolean isHiredReason(String reasonId) {
    return archiveReasons.stream()
        .anyMatch(
            r -> r.get("id").asText().equals(reasonId) && r.get("type").asText().equals("hired"));
  }
}
