package taplever.fake;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The records a correct tap must deliver, per stream, read from one snapshot of a {@link
 * FakeDataset}: what {@link FakeDataset#records} returns and {@link FakeDataset#writeGroundTruth}
 * writes, all in Lever's raw shape (epoch ms). Child records get their parent id injected ({@code
 * opportunityId}, or {@code candidateId} for the {@code candidate_*} twins). {@code contacts} are
 * the distinct contacts of every live opportunity (as {@code confidentiality=all} shows them), in
 * order of first appearance; {@code eeo_responses} are all EEO rows, whatever their date; {@code
 * deleted_postings} carry {@code deletedAt}/{@code deletedBy}.
 */
final class ExpectedRecords {
  private static final List<ChildKind> CANDIDATE_KINDS =
      List.of(ChildKind.APPLICATIONS, ChildKind.OFFERS, ChildKind.REFERRALS, ChildKind.RESUMES);
  static final List<String> STREAMS = streamNames();

  private final OpportunityTable opportunities;
  private final List<ListItem> deleted;
  private final List<ListItem> eeo;
  private final Map<String, FakeDataset.Listing> listings;
  private final ChildStore children;
  private final FakeDataset data;
  private final ObjectMapper mapper;

  ExpectedRecords(
      DatasetSnapshot snapshot,
      Map<String, FakeDataset.Listing> listings,
      ChildStore children,
      FakeDataset data,
      ObjectMapper mapper) {
    this.opportunities = snapshot.opportunities();
    this.deleted = snapshot.deleted();
    this.eeo = snapshot.eeo();
    this.listings = listings;
    this.children = children;
    this.data = data;
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
                "deleted_postings",
                "audit_events",
                "contacts",
                "eeo_responses"));
    for (ChildKind kind : ChildKind.values()) {
      names.add("opportunity_" + kind.path());
    }
    CANDIDATE_KINDS.forEach(kind -> names.add("candidate_" + kind.path()));
    return List.copyOf(names);
  }

  private Map<String, Integer> positions;

  /** Position of opportunity {@code id} in this snapshot (built once, on first use). */
  private int indexOf(String id) {
    if (positions == null) {
      positions = new HashMap<>();
      for (int i = 0; i < opportunities.entries.size(); i++) {
        positions.put(opportunities.entries.get(i).id(), i);
      }
    }
    return positions.get(id);
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
      case "contacts" -> {
        Set<Integer> seen = new HashSet<>();
        for (OpportunityEntry entry : opportunities.entries) {
          ContactGenerator.Contact contact = data.contactOf(entry);
          if (seen.add(contact.key())) {
            sink.accept(contact.node());
          }
        }
      }
      case "eeo_responses" ->
          eeo.forEach(
              i -> {
                OpportunityEntry entry = opportunities.entries.get(indexOf(i.key));
                sink.accept(data.eeoRow(entry));
              });
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
