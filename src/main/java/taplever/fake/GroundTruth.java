package taplever.fake;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The records a correct tap must deliver, per stream, read from one snapshot of a {@link
 * FakeDataset}: what {@link FakeDataset#records} returns and {@link FakeDataset#writeGroundTruth}
 * writes. Child records get their parent id injected ({@code opportunityId}, or {@code candidateId}
 * for the {@code candidate_*} twins).
 */
final class GroundTruth {
  private static final List<ChildKind> CANDIDATE_KINDS =
      List.of(ChildKind.APPLICATIONS, ChildKind.OFFERS, ChildKind.REFERRALS, ChildKind.RESUMES);
  static final List<String> STREAMS = streamNames();

  private final OpportunityTable opportunities;
  private final List<ListItem> deleted;
  private final Map<String, FakeDataset.Listing> listings;
  private final ChildStore children;
  private final ObjectMapper mapper;

  GroundTruth(
      OpportunityTable opportunities,
      List<ListItem> deleted,
      Map<String, FakeDataset.Listing> listings,
      ChildStore children,
      ObjectMapper mapper) {
    this.opportunities = opportunities;
    this.deleted = deleted;
    this.listings = listings;
    this.children = children;
    this.mapper = mapper;
  }

  private static List<String> streamNames() {
    List<String> names =
        new ArrayList<>(
            List.of(
                "opportunities",
                "candidates",
                "postings",
                "requisitions",
                "users",
                "stages",
                "archive_reasons",
                "sources",
                "tags",
                "requisition_fields",
                "feedback_templates",
                "form_templates",
                "deleted_opportunities",
                "audit_events"));
    for (ChildKind kind : ChildKind.values()) {
      names.add("opportunity_" + kind.path());
    }
    CANDIDATE_KINDS.forEach(kind -> names.add("candidate_" + kind.path()));
    return List.copyOf(names);
  }

  /** Streams {@code {"<stream>": [records...], ...}} to {@code out} without closing it. */
  void write(OutputStream out) throws IOException {
    try (JsonGenerator gen = mapper.getFactory().createGenerator(out)) {
      gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      gen.writeStartObject();
      for (String stream : STREAMS) {
        gen.writeArrayFieldStart(stream);
        forEachRecord(
            stream,
            false,
            node -> {
              try {
                gen.writeTree(node);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
        gen.writeEndArray();
      }
      gen.writeEndObject();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Feeds every record of {@code stream} to {@code sink}; {@code copy}: each one a private copy.
   */
  void forEachRecord(String stream, boolean copy, Consumer<ObjectNode> sink) {
    switch (stream) {
      case "opportunities", "candidates" ->
          opportunities.entries.forEach(e -> sink.accept(e.node(mapper)));
      case "deleted_opportunities" ->
          deleted.forEach(i -> sink.accept(copy ? i.node(mapper).deepCopy() : i.node(mapper)));
      default -> {
        FakeDataset.Listing listing = listings.get(stream);
        if (listing != null) {
          listing
              .items()
              .forEach(i -> sink.accept(copy ? i.node(mapper).deepCopy() : i.node(mapper)));
          return;
        }
        boolean candidate = stream.startsWith("candidate_");
        ChildKind kind =
            stream.startsWith("opportunity_") || candidate
                ? ChildKind.fromPath(stream.substring(stream.indexOf('_') + 1))
                : null;
        if (kind == null || candidate && !CANDIDATE_KINDS.contains(kind)) {
          throw new IllegalArgumentException("unknown stream: " + stream);
        }
        String parentField = candidate ? "candidateId" : "opportunityId";
        for (OpportunityEntry entry : opportunities.entries) {
          for (ObjectNode child : children.get(entry).get(kind)) {
            sink.accept(child.deepCopy().put(parentField, entry.id()));
          }
        }
      }
    }
  }
}
