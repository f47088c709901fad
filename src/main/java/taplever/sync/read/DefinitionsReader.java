package taplever.sync.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import taplever.catalog.StreamSelection;
import taplever.error.LeverApiException;
import taplever.http.LeverRequest;
import taplever.http.TreeRecords;
import taplever.streams.Access;
import taplever.streams.LeverStreams;
import taplever.streams.StreamSpec;
import taplever.sync.records.FieldDefinitions;

/**
 * Reads, once before the walks, the definitions some values are typed by (the stream a schema's
 * {@code "x-lever-value": {"definitions": ...}} names: {@code requisition_fields} for
 * requisitions' custom fields). Without them those values stay as Lever sent them, with a
 * warning, rather than failing the sync.
 */
public final class DefinitionsReader {
  private final PageWalk walk;
  private final Logger log;

  public DefinitionsReader(PageWalk walk, Logger log) {
    this.walk = walk;
    this.log = log;
  }

  public FieldDefinitions read(List<StreamSelection> selections) {
    Set<String> needed = new LinkedHashSet<>();
    selections.forEach(s -> collect(s.schema(), needed));
    if (needed.isEmpty()) {
      return FieldDefinitions.NONE;
    }
    Map<String, FieldDefinitions.Definitions> byStream = new HashMap<>();
    for (String name : needed) {
      Optional<StreamSpec> spec = LeverStreams.find(name).filter(d -> d.endpoint().isPresent());
      if (spec.isEmpty()) {
        continue;
      }
      LeverRequest request = ReadRequest.list(spec.get()).build();
      List<ObjectNode> all = new ArrayList<>();
      try {
        walk.run(request, Optional.empty(), TreeRecords::new, PageWalk.Ahead.AFTER_THE_HOOK,
            (records, resume) -> {
              all.addAll(records);
              return true;
            });
      } catch (LeverApiException e) {
        RefusalPolicy.skipOrThrow(spec.get(), request.endpoint(), e,
            Access.Purpose.DEFINITIONS, log::warn);
        continue;
      }
      byStream.put(name, FieldDefinitions.Definitions.of(all, spec.get().idField()));
    }
    return new FieldDefinitions(byStream);
  }

  private static void collect(JsonNode schema, Set<String> into) {
    JsonNode typing = schema.get("x-lever-value");
    if (typing != null && typing.has("definitions")) {
      into.add(typing.get("definitions").asText());
    }
    schema.forEach(child -> {
      if (child.isContainerNode()) {
        collect(child, into);
      }
    });
  }
}
