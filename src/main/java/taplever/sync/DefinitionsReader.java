package taplever.sync;

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
import taplever.http.CursorPaginator;
import taplever.http.LeverRequest;
import taplever.http.PageSource;
import taplever.streams.Endpoint;
import taplever.streams.LeverStreams;
import taplever.streams.StreamSpec;

/**
 * Reads, once before the walks, the definitions some values are typed by (the stream a schema's
 * {@code "x-lever-value": {"definitions": ...}} names: {@code requisition_fields} for
 * requisitions' custom fields). Without them those values stay as Lever sent them, with a
 * warning, rather than failing the sync.
 */
final class DefinitionsReader {
  private final PageSource source;
  private final Cancellation cancellation;
  private final Logger log;

  DefinitionsReader(PageSource source, Cancellation cancellation, Logger log) {
    this.source = source;
    this.cancellation = cancellation;
    this.log = log;
  }

  FieldDefinitions read(List<StreamSelection> selections) {
    Set<String> needed = new LinkedHashSet<>();
    selections.forEach(s -> collect(s.schema(), needed));
    if (needed.isEmpty()) {
      return FieldDefinitions.NONE;
    }
    Map<String, FieldDefinitions.Definitions> byStream = new HashMap<>();
    for (String name : needed) {
      Optional<StreamSpec> spec = LeverStreams.find(name);
      Optional<Endpoint> endpoint = spec.flatMap(StreamSpec::endpoint);
      if (endpoint.isEmpty()) {
        continue;
      }
      LeverRequest request = new LeverRequest(endpoint.get().path(), endpoint.get().path(),
          endpoint.get().params(), endpoint.get().recordsAt());
      List<ObjectNode> all = new ArrayList<>();
      try {
        CursorPaginator<List<ObjectNode>> pages = new CursorPaginator<>(
            offset -> source.fetch(request, offset), request.endpoint(), Optional.empty());
        while (pages.hasMore()) {
          cancellation.check();
          all.addAll(pages.nextPage().records());
        }
      } catch (LeverApiException e) {
        if (e.status() != 403 && e.status() != 404) {
          throw e;
        }
        log.warn("could not read {} ({}): values typed by its definitions stay as Lever sends"
            + " them", name, e.status());
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
