package taplever.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code schemas/<stream>.json} from the jar once; callers get defensive copies. */
public final class SchemaRepository {
  private final Map<String, ObjectNode> schemas = new LinkedHashMap<>();

  public SchemaRepository(ObjectMapper mapper) {
    for (StreamSpec spec : LeverStreams.ALL) {
      String resource = "/schemas/" + spec.name() + ".json";
      try (InputStream in = SchemaRepository.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing schema resource " + resource);
        }
        schemas.put(spec.name(), (ObjectNode) mapper.readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException("unreadable schema resource " + resource, e);
      }
    }
  }

  public ObjectNode schema(String stream) {
    ObjectNode schema = schemas.get(stream);
    if (schema == null) {
      throw new IllegalArgumentException("no schema for stream " + stream);
    }
    return schema.deepCopy();
  }
}
