package taplever.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Edits of child records that Lever does not signal through the opportunity's {@code updatedAt}
 * (§9.1: offer status transitions, edited feedback, rescheduled or canceled interviews, deleted
 * notes). Each edit returns the child lists it replaces; the record at {@code index} is copied,
 * never changed in place.
 */
final class ChildEdits {
  private ChildEdits() {}

  /** One edit: the lists that replace the children's, given the set and the record's index. */
  interface Edit {
    Map<ChildKind, List<ObjectNode>> apply(ChildSet set, int index);
  }

  /**
   * Applies edits by child id alone: the id's tag names the owning opportunity ({@link TaggedIds}),
   * so finding it costs one regeneration, never a scan of the dataset.
   */
  static final class Applier {
    private final LiveOpportunities live;
    private final ChildStore children;
    private final ChildGenerator childGenerator;
    private final OpportunityGenerator opportunityGenerator;
    private final Object lock;

    Applier(
        LiveOpportunities live,
        ChildStore children,
        ChildGenerator childGenerator,
        OpportunityGenerator opportunityGenerator,
        Object lock) {
      this.live = live;
      this.children = children;
      this.childGenerator = childGenerator;
      this.opportunityGenerator = opportunityGenerator;
      this.lock = lock;
    }

    /** Applies {@code edit} to the {@code kind} record {@code childId} of a live opportunity. */
    void edit(ChildKind kind, String childId, Edit edit) {
      synchronized (lock) {
        OpportunityEntry owner = ownerOf(childId);
        ChildSet set = owner == null ? null : children.get(owner);
        int index = set == null ? -1 : set.indexOf(kind, childId);
        if (index < 0) {
          String what = kind.path().substring(0, kind.path().length() - 1);
          throw new IllegalArgumentException("no live " + what + " " + childId);
        }
        children.override(owner.id(), edit.apply(set, index));
      }
    }

    private OpportunityEntry ownerOf(String childId) {
      long tag = childGenerator.tag(childId);
      if (tag == TaggedIds.NONE || tag < 0 || tag >= live.nextGenIndex()) {
        return null;
      }
      return live.get(opportunityGenerator.id((int) tag));
    }
  }

  static Map<ChildKind, List<ObjectNode>> offerStatus(ChildSet set, int index, String status) {
    return replaced(set, ChildKind.OFFERS, index, offer -> offer.put("status", status));
  }

  /**
   * New answers: text answers are marked as revised, the score moves to the next option; the form's
   * own {@code updatedAt} becomes {@code now}.
   */
  static Map<ChildKind, List<ObjectNode>> feedbackEdited(ChildSet set, int index, long now) {
    return replaced(
        set,
        ChildKind.FEEDBACK,
        index,
        form -> {
          for (JsonNode f : form.path("fields")) {
            ObjectNode field = (ObjectNode) f;
            switch (field.path("type").asText()) {
              case "text", "textarea" ->
                  field.put(
                      "value",
                      "Revised " + Instant.ofEpochMilli(now) + ": " + field.path("value").asText());
              case "score-system" -> field.put("value", nextOption(field));
              default -> {}
            }
          }
          form.put("updatedAt", now);
        });
  }

  static Map<ChildKind, List<ObjectNode>> interviewRescheduled(ChildSet set, int index, long date) {
    return interviewChanged(set, index, interview -> interview.put("date", date), true, 0);
  }

  /** The interview gets {@code canceledAt}; a panel whose interviews are all canceled too. */
  static Map<ChildKind, List<ObjectNode>> interviewCanceled(ChildSet set, int index, long now) {
    return interviewChanged(set, index, interview -> interview.put("canceledAt", now), false, now);
  }

  static Map<ChildKind, List<ObjectNode>> noteDeleted(ChildSet set, int index, long now) {
    return replaced(set, ChildKind.NOTES, index, note -> note.put("deletedAt", now));
  }

  private static Map<ChildKind, List<ObjectNode>> interviewChanged(
      ChildSet set,
      int index,
      java.util.function.Consumer<ObjectNode> change,
      boolean rescheduled,
      long now) {
    Map<ChildKind, List<ObjectNode>> lists = replaced(set, ChildKind.INTERVIEWS, index, change);
    List<ObjectNode> interviews = lists.get(ChildKind.INTERVIEWS);
    String panelId = interviews.get(index).path("panel").asText();
    List<ObjectNode> panels = new ArrayList<>(set.get(ChildKind.PANELS));
    for (int p = 0; p < panels.size(); p++) {
      if (!panels.get(p).path("id").asText().equals(panelId)) {
        continue;
      }
      ObjectNode panel = panels.get(p).deepCopy();
      ArrayNode own = InterviewGenerator.interviewsOf(panel, interviews);
      panel.set("interviews", own);
      if (rescheduled && own.size() > 0) {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (JsonNode i : own) {
          start = Math.min(start, i.get("date").asLong());
          end = Math.max(end, i.get("date").asLong() + i.get("duration").asLong() * 60_000L);
        }
        panel.put("start", start).put("end", end);
      }
      boolean allCanceled = true;
      for (JsonNode i : own) {
        allCanceled &= i.path("canceledAt").isNumber();
      }
      if (!rescheduled && allCanceled && !panel.path("canceledAt").isNumber()) {
        panel.put("canceledAt", now);
      }
      panels.set(p, panel);
      lists.put(ChildKind.PANELS, panels);
    }
    return lists;
  }

  private static Map<ChildKind, List<ObjectNode>> replaced(
      ChildSet set, ChildKind kind, int index, java.util.function.Consumer<ObjectNode> change) {
    List<ObjectNode> records = new ArrayList<>(set.get(kind));
    ObjectNode copy = records.get(index).deepCopy();
    change.accept(copy);
    records.set(index, copy);
    Map<ChildKind, List<ObjectNode>> lists = new EnumMap<>(ChildKind.class);
    lists.put(kind, records);
    return lists;
  }

  private static String nextOption(ObjectNode field) {
    JsonNode options = field.path("options");
    String current = field.path("value").asText();
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i).path("text").asText().equals(current)) {
        return options.get((i + 1) % options.size()).path("text").asText();
      }
    }
    return options.size() > 0 ? options.get(0).path("text").asText() : current;
  }
}
