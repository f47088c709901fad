package taplever.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code include} and {@code expand} (§6.3). With {@code include}, a record is a projection holding
 * exactly the included fields plus {@code id}; {@code expand} takes precedence and implies include
 * (an expanded field is always there). Without {@code include} every field is there, except that a
 * postings list omits {@code followers} and {@code content} (Lever calls followers "an optional
 * field"; its posting list examples lack both), unless expanded.
 *
 * <p>Expandable: opportunities {@code applications}, {@code contact} (byte splices, the common
 * case), {@code stage}, {@code owner}, {@code followers}, {@code sourcedBy}; postings {@code user},
 * {@code owner}, {@code hiringManager}, {@code followers}. Unknown names are ignored, as Lever
 * ignores them.
 */
final class ResponseProjection {
  private static final Set<String> OPPORTUNITY_NODE_EXPANDS =
      Set.of("stage", "owner", "followers", "sourcedBy");
  private static final Set<String> POSTING_EXPANDS =
      Set.of("user", "owner", "hiringManager", "followers");
  private static final Set<String> POSTING_OPTIONAL = Set.of("followers", "content");

  /** One request's {@code include} and {@code expand} values. */
  record View(Set<String> include, Set<String> expand) {
    static View of(ListQuery q) {
      return new View(new LinkedHashSet<>(q.all("include")), new LinkedHashSet<>(q.all("expand")));
    }

    boolean projects() {
      return !include.isEmpty();
    }

    /** Whether {@code field} survives: included, expanded, or no include at all. */
    boolean keeps(String field) {
      return include.isEmpty()
          || field.equals("id")
          || include.contains(field)
          || expand.contains(field);
    }
  }

  private final FakeDataset data;
  private final ObjectMapper mapper;

  ResponseProjection(FakeDataset data) {
    this.data = data;
    this.mapper = data.mapper();
  }

  /** An opportunity as {@code view} asks for it. */
  byte[] opportunity(OpportunityEntry entry, View view) {
    boolean applications = view.expand().contains("applications");
    byte[] contact =
        view.expand().contains("contact")
            ? ListItem.serialize(mapper, data.contactOf(entry).node())
            : null;
    byte[] spliced = entry.expandedJson(applications, contact);
    boolean nodeExpands = view.expand().stream().anyMatch(OPPORTUNITY_NODE_EXPANDS::contains);
    if (!nodeExpands && !view.projects()) {
      return spliced;
    }
    ObjectNode node = parse(spliced);
    ObjectNode out = Nodes.object();
    ReferenceData ref = data.ref();
    node.fields()
        .forEachRemaining(
            f -> {
              String name = f.getKey();
              if (!view.keeps(name)) {
                return;
              }
              JsonNode value = f.getValue();
              if (view.expand().contains(name)) {
                value =
                    switch (name) {
                      case "stage" -> orId(ref.stageById(value.asText(null)), value);
                      case "owner", "sourcedBy" -> orId(ref.userById(value.asText(null)), value);
                      case "followers" -> users(value);
                      default -> value;
                    };
              }
              out.set(name, value);
            });
    return ListItem.serialize(mapper, out);
  }

  /** A posting of a list page as {@code view} asks for it. */
  byte[] posting(ObjectNode posting, View view) {
    ObjectNode out = Nodes.object();
    ReferenceData ref = data.ref();
    posting
        .fields()
        .forEachRemaining(
            f -> {
              String name = f.getKey();
              boolean expanded = view.expand().contains(name) && POSTING_EXPANDS.contains(name);
              boolean kept =
                  view.projects() ? view.keeps(name) : expanded || !POSTING_OPTIONAL.contains(name);
              if (!kept) {
                return;
              }
              JsonNode value = f.getValue();
              if (expanded) {
                value =
                    name.equals("followers")
                        ? users(value)
                        : orId(ref.userById(value.asText(null)), value);
              }
              out.set(name, value);
            });
    return ListItem.serialize(mapper, out);
  }

  /** Any other record, projected when {@code include} is given (nothing there expands). */
  byte[] plain(ListItem item, View view) {
    if (!view.projects()) {
      return item.json(mapper);
    }
    ObjectNode out = Nodes.object();
    item.node(mapper)
        .fields()
        .forEachRemaining(
            f -> {
              if (view.keeps(f.getKey())) {
                out.set(f.getKey(), f.getValue());
              }
            });
    return ListItem.serialize(mapper, out);
  }

  private JsonNode users(JsonNode ids) {
    ArrayNode users = Nodes.array();
    for (JsonNode id : ids) {
      users.add(orId(data.ref().userById(id.asText()), id));
    }
    return users;
  }

  /** The expanded object, or the id itself when it names nothing (null stays null). */
  private static JsonNode orId(ObjectNode expanded, JsonNode id) {
    return expanded == null ? id : expanded;
  }

  private ObjectNode parse(byte[] json) {
    try {
      return (ObjectNode) mapper.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
