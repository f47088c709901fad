package taplever.sync.records;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import taplever.catalog.StreamSelection;
import taplever.config.UnknownFields;
import taplever.streams.StreamSpec;

/**
 * Makes Lever objects of one stream into the RECORD lines its SCHEMA promises: only the selected
 * fields, shaped by {@link ValueCopier}, the parent's id added to child records (Lever's payloads
 * often lack it), fields learned at run time kept or dropped. One per stream per run, shared by
 * the threads that read the stream.
 */
public final class StreamShaper {
  private final StreamSelection selection;
  private final int index;
  private final SerializedString name;
  private final FieldShape root;
  private final SchemaDrift drift;
  private final ValueCopier copier;
  private final PersonalData personal;
  private final Optional<String> parentIdField;
  private final Set<String> deselected;
  /** No field to leave out and no parent id to put in: every field goes to the copier. */
  private final boolean plain;

  /**
   * @param index the stream's place in the run's list, for the SCHEMA due before its lines
   * @param unknownFields keep (learn) or drop undeclared fields
   */
  public StreamShaper(StreamSelection selection, int index, ObjectMapper json,
      UnknownFields unknownFields, PersonalData personal, FieldDefinitions definitions,
      Consumer<String> warnings) {
    this.selection = selection;
    this.index = index;
    this.name = new SerializedString(selection.name());
    AtomicInteger ids = new AtomicInteger();
    this.root = FieldShape.compile(selection.name(), selection.schema(), personal.marks(), ids);
    this.drift = new SchemaDrift(selection.name(), selection.schema(), unknownFields, warnings,
        personal.marks(), ids);
    this.copier = new ValueCopier(selection.name(), json, drift, definitions, personal, warnings);
    this.personal = personal;
    StreamSpec spec = selection.spec();
    this.parentIdField = spec.parentIdField().filter(f -> root.properties().containsKey(f));
    this.deselected = selection.deselected();
    this.plain = deselected.isEmpty() && parentIdField.isEmpty();
  }

  public StreamSelection selection() {
    return selection;
  }

  public String name() {
    return selection.name();
  }

  public int index() {
    return index;
  }

  /** One record from the parser (on its {@code START_OBJECT}) as one RECORD line. */
  public void write(JsonParser p, PageBuffer out, Optional<String> parentId) throws IOException {
    JsonGenerator g = open(out);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      field(p, g, field, parentId.isPresent());
    }
    close(g, out, parentId);
  }

  /** One record held as a tree (inline children, derived rows). */
  public void write(JsonNode record, PageBuffer out, Optional<String> parentId) throws IOException {
    try (JsonParser tp = record.traverse(copier.codec())) {
      tp.nextToken();
      write(tp, out, parentId);
    }
  }

  public JsonGenerator open(PageBuffer out) throws IOException {
    JsonGenerator g = out.begin(name, index);
    g.writeStartObject();
    return g;
  }

  /** One top-level field of the record being written. */
  public void field(JsonParser p, JsonGenerator g, String field, boolean parentIdGiven)
      throws IOException {
    if (plain) {
      copier.field(p, g, root, field);
      return;
    }
    if (deselected.contains(field)
        || (parentIdGiven && parentIdField.isPresent() && parentIdField.get().equals(field))) {
      p.skipChildren();
      return;
    }
    copier.field(p, g, root, field);
  }

  /** Writes a top-level field's value held as a tree. */
  public void field(JsonNode value, JsonGenerator g, String field) throws IOException {
    try (JsonParser tp = value.traverse(copier.codec())) {
      tp.nextToken();
      field(tp, g, field, false);
    }
  }

  public void close(JsonGenerator g, PageBuffer out, Optional<String> parentId) throws IOException {
    if (parentId.isPresent() && parentIdField.isPresent()) {
      g.writeStringField(parentIdField.get(), parentId.get());
    }
    g.writeEndObject();
    out.end();
  }

  /** Bumped whenever a learned field changes the SCHEMA. */
  public int schemaVersion() {
    return drift.version();
  }

  /** What the stream's SCHEMA message carries now. */
  public ObjectNode schema() {
    return personal.declare(drift.schema(), selection.name());
  }

  public Set<String> learnedFields() {
    return drift.announced();
  }
}
