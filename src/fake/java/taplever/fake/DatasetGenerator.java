package taplever.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Builds the initial dataset from a {@link DatasetSpec}: reference data, opportunities, the 20
 * already deleted opportunities, audit events, and the sources / tags tallies. Never reads a clock:
 * generated timestamps lie in 2019-01-01 .. 2026-10-01.
 */
final class DatasetGenerator {
  static final long DAY_MS = 86_400_000L;
  static final long START_MS = Instant.parse("2019-01-01T00:00:00Z").toEpochMilli();
  static final long END_MS = Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();

  /** Deleted opportunities (generation indexes -1 .. -20); a multiple of a contact block. */
  static final int DELETED = 20;

  /** Everything {@link FakeDataset} starts from. */
  record Generated(
      ReferenceData ref,
      OpportunityGenerator opportunityGenerator,
      ChildGenerator childGenerator,
      ContactGenerator contactGenerator,
      EeoGenerator eeoGenerator,
      List<OpportunityEntry> opportunities,
      List<ObjectNode> deleted,
      List<ObjectNode> auditEvents,
      List<ObjectNode> sources,
      List<ObjectNode> tags) {}

  private final DatasetSpec spec;
  private final long seed;
  private final ObjectMapper mapper;

  DatasetGenerator(DatasetSpec spec, ObjectMapper mapper) {
    this.spec = spec;
    this.seed = spec.seed();
    this.mapper = mapper;
  }

  Generated generate() {
    int count = spec.opportunities();
    ReferenceData ref = new ReferenceGenerator(seed, spec.newFields()).generate(count);
    TaggedIds ids = new TaggedIds(seed);
    ContactGenerator contacts = new ContactGenerator(seed, ids);
    OpportunityGenerator generator = new OpportunityGenerator(spec, ref, contacts);
    ChildGenerator children = new ChildGenerator(seed, ref, ids);
    IntStream indexes = IntStream.range(0, count);
    Map<String, Integer> sources = new ConcurrentHashMap<>();
    Map<String, Integer> tags = new ConcurrentHashMap<>();
    List<OpportunityEntry> opportunities =
        (count > 5_000 ? indexes.parallel() : indexes)
            .mapToObj(
                i -> {
                  OpportunityEntry entry =
                      entry(
                          generator,
                          children,
                          i,
                          0,
                          node -> {
                            node.path("sources")
                                .forEach(v -> sources.merge(v.asText(), 1, Integer::sum));
                            node.path("tags").forEach(v -> tags.merge(v.asText(), 1, Integer::sum));
                          });
                  return entry;
                })
            .toList();
    List<ObjectNode> deleted = new ArrayList<>();
    for (int i = 0; i < DELETED; i++) {
      deleted.add(generator.deleted(i));
    }
    return new Generated(
        ref,
        generator,
        children,
        contacts,
        new EeoGenerator(seed, ref),
        opportunities,
        deleted,
        auditEvents(ref, Math.max(5, count / 5)),
        tally(sources),
        tally(tags));
  }

  /** Opportunity {@code genIndex}, brand new when {@code now} > 0, as a stored entry. */
  OpportunityEntry entry(
      OpportunityGenerator generator,
      ChildGenerator children,
      int genIndex,
      long now,
      Consumer<ObjectNode> observer) {
    OpportunityGenerator.Candidacy c = generator.candidacy(genIndex, now);
    ObjectNode node = generator.opportunity(genIndex, c, now);
    observer.accept(node);
    ArrayNode applications = Nodes.array();
    applications.addAll(children.applications(genIndex, node, c));
    return new OpportunityEntry(
        genIndex, c, node, ListItem.serialize(mapper, applications), mapper);
  }

  /** {@code [{"text": ..., "count": n}]}, most used first. */
  private static List<ObjectNode> tally(Map<String, Integer> counts) {
    List<ObjectNode> rows = new ArrayList<>();
    counts.forEach((text, n) -> rows.add(Nodes.object().put("text", text).put("count", n)));
    rows.sort(
        Comparator.comparing((ObjectNode n) -> -n.get("count").asInt())
            .thenComparing((Function<ObjectNode, String>) n -> n.get("text").asText()));
    return rows;
  }

  private List<ObjectNode> auditEvents(ReferenceData ref, int count) {
    SeededRandom rnd = SeededRandom.of(seed, 300);
    List<ObjectNode> events = new ArrayList<>(count);
    String[] types = {
      "user:added",
      "user:deactivated",
      "user.role:changed",
      "key:added",
      "export:downloaded",
      "user.authentication:failed",
      "user.authentication:succeeded",
      "account.plan:changed",
      "user:merged"
    };
    for (int i = 0; i < count; i++) {
      String type = i == 0 ? "user:merged" : rnd.pick(types);
      ObjectNode actor = ref.user(rnd);
      ObjectNode subject = ref.user(rnd);
      ObjectNode event =
          Nodes.object()
              .put("id", rnd.uuid())
              .put("createdAt", rnd.between(START_MS, END_MS))
              .put("type", type);
      ObjectNode user = event.putObject("user");
      if (rnd.chance(0.95)) {
        user.put("id", actor.get("id").asText());
      }
      user.put("email", actor.get("email").asText())
          .put("name", actor.get("name").asText())
          .put("role", actor.get("accessRole").asText());
      ObjectNode meta = Nodes.object();
      String targetType = "user";
      String targetId = subject.get("id").asText();
      String label = subject.get("name").asText();
      switch (type) {
        case "key:added" -> {
          targetType = "key";
          targetId = rnd.uuid();
          label = "Warehouse sync";
          meta.putObject("key")
              .put("id", targetId)
              .put("name", label)
              .put("partner", false)
              .put("tokenLastFour", rnd.hex(4))
              .put("service", "api");
        }
        case "export:downloaded" -> {
          targetType = "export";
          targetId = rnd.uuid();
          label = "Candidates export";
          meta.putObject("export")
              .put("id", targetId)
              .put("name", label)
              .put("rows", rnd.between(1, 5000));
        }
        case "user.authentication:failed" ->
            meta.putObject("authentication")
                .put("method", "password")
                .putObject("error")
                .put("message", "Wrong password")
                .put("type", "invalid_credentials");
        case "user.role:changed" -> meta.put("from", "interviewer").put("to", "team member");
        case "user:merged" -> {
          // The reference only names meta.duplicate's existence for merges; the shape chosen
          // here: the surviving user in meta.user, the merged-away duplicate in meta.duplicate.
          ObjectNode duplicate = ref.user(rnd);
          meta.putObject("user")
              .put("id", subject.get("id").asText())
              .put("name", subject.get("name").asText())
              .put("email", subject.get("email").asText());
          meta.putObject("duplicate")
              .put("id", duplicate.get("id").asText())
              .put("name", duplicate.get("name").asText())
              .put("email", duplicate.get("email").asText());
        }
        case "account.plan:changed" -> {
          targetType = "account";
          targetId = "account-" + rnd.hex(8);
          label = "Example Inc.";
          meta.putObject("account").put("id", targetId).put("name", label);
          meta.put("from", "standard").put("to", "enterprise");
        }
        default ->
            meta.putObject("user")
                .put("id", subject.get("id").asText())
                .put("name", subject.get("name").asText())
                .put("email", subject.get("email").asText());
      }
      event.putObject("target").put("id", targetId).put("type", targetType).put("label", label);
      event.set("meta", meta);
      events.add(event);
    }
    return events;
  }
}
