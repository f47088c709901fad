package taplever.sync.read;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import taplever.error.ShownText;
import taplever.http.MalformedBodyException;
import taplever.http.RecordSink;
import taplever.singer.EpochMillis;
import taplever.singer.Bookmark;
import taplever.streams.Replication;
import taplever.streams.StreamSpec;
import taplever.sync.plan.RecordKey;
import taplever.sync.records.PageBuffer;
import taplever.sync.records.ValueCopier;

/**
 * Reads one page of a parent list: each record is shaped straight into the page's lines when the
 * parent is selected, the children Lever carries inline (applications, the contact) and the rows
 * of its arrays (stage changes, tags) are written next to it, and the parents whose per-parent
 * children are wanted are noted for the fan-out. Only the few fields this needs are held as
 * trees; the rest streams from Lever's parser to the output.
 */
final class ParentPageSink implements RecordSink<ParentPage> {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final long EARLIEST = Bookmark.EARLIEST.toEpochMilli();

  private final WalkTargets targets;
  private final Map<String, WalkTargets.Role> roles;
  private final PageBuffer out;
  private final List<ParentPage.ParentRef> parents = new ArrayList<>();
  private final Set<ParentPage.SharedRef> shared = new LinkedHashSet<>();
  private final Map<ParentPage.Unread, Integer> unread = new HashMap<>();
  private final int[] counts;
  private final Consumer<String> warnings;
  private long maxKey = Long.MIN_VALUE;
  private int recordCount;
  private int archived;

  ParentPageSink(WalkTargets targets, PageBuffer out, int streamCount, Consumer<String> warnings) {
    this.targets = targets;
    this.roles = targets.roles();
    this.out = out;
    this.counts = new int[streamCount];
    this.warnings = warnings;
  }

  @Override
  public void record(JsonParser p) throws IOException {
    recordCount++;
    Optional<WalkTargets.Target> parent = targets.parent();
    JsonGenerator g = parent.isPresent() ? parent.get().shaper().open(out) : null;
    String id = null;
    Long key = null;
    Long fallback = null;
    Long version = null;
    boolean isArchived = false;
    JsonNode[] inline = new JsonNode[targets.inline().size()];
    JsonNode[] arrays = new JsonNode[targets.derived().size()];
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      WalkTargets.Role role = roles.get(field);
      if (role == null) {
        if (g != null) {
          parent.get().shaper().field(p, g, field, false);
        } else {
          p.skipChildren();
        }
        continue;
      }
      if (role.id() && t == JsonToken.VALUE_STRING) {
        id = p.getText();
      }
      if (role.key()) {
        key = EpochMillis.read(p);
      }
      if (role.fallback()) {
        fallback = EpochMillis.read(p);
      }
      if (role.version()) {
        version = EpochMillis.read(p);
      }
      if (role.archived() && t != JsonToken.VALUE_NULL) {
        isArchived = true;
      }
      int inlineAt = role.inlineAt();
      int arrayAt = role.derivedAt();
      if (role.heldAsTree()) {
        JsonNode tree = p.readValueAsTree();
        if (inlineAt >= 0) {
          inline[inlineAt] = tree;
          tree = collapse(tree, targets.inline().get(inlineAt).shaper().selection().spec()
              .idField());
        }
        if (arrayAt >= 0) {
          arrays[arrayAt] = tree;
        }
        if (g != null && tree != null) {
          parent.get().shaper().field(tree, g, field);
        }
      } else if (g != null) {
        parent.get().shaper().field(p, g, field, false);
      } else {
        p.skipChildren();
      }
    }
    if (isArchived) {
      archived++;
    }
    RecordKey rk = key != null ? new RecordKey(RecordKey.Kind.KEY, key)
        : fallback != null ? new RecordKey(RecordKey.Kind.FALLBACK, fallback) : RecordKey.NONE;
    if (rk.kind() != RecordKey.Kind.NONE) {
      // Kept within what a state may hold: a key beyond it is no instant Lever could mean.
      maxKey = Math.max(maxKey, Math.max(Math.min(rk.millis(), targets.end()), EARLIEST));
    }
    if (g != null) {
      parent.get().shaper().close(g, out, Optional.empty());
      if (parent.get().wants().test(rk)) {
        counts[parent.get().shaper().index()]++;
      } else {
        out.dropLast();
      }
    }
    if (id == null) {
      return; // nothing hangs from a record without an id
    }
    for (int i = 0; i < inline.length; i++) {
      WalkTargets.Target child = targets.inline().get(i);
      if (child.wants().test(rk)) {
        inline(i, child, inline[i], id);
      }
    }
    for (int i = 0; i < arrays.length; i++) {
      WalkTargets.Target rows = targets.derived().get(i);
      if (arrays[i] != null && arrays[i].isArray() && rows.wants().test(rk)) {
        derivedRows(rows, arrays[i], id, version);
      }
    }
    BitSet wanted = new BitSet();
    List<WalkTargets.Target> perParent = targets.perParent();
    for (int i = 0; i < perParent.size(); i++) {
      if (perParent.get(i).wants().test(rk)) {
        wanted.set(i);
      }
    }
    if (!wanted.isEmpty()) {
      parents.add(new ParentPage.ParentRef(id, wanted));
    }
  }

  @Override
  public ParentPage page() {
    return new ParentPage(out, List.copyOf(parents), List.copyOf(shared), Map.copyOf(unread),
        counts, maxKey, recordCount, archived);
  }

  /**
   * What the parent carried of an inline child: the child's records (written, each with its
   * keys), the id of a record to read on its own, or nothing readable, which is counted: a child
   * is never lost without a word.
   */
  private void inline(int at, WalkTargets.Target child, JsonNode value, String parentId)
      throws IOException {
    Replication.ChildFetch.Inline fetch = targets.inlineFetch(at);
    StreamSpec spec = child.shaper().selection().spec();
    if (value == null) {
      unread.merge(new ParentPage.Unread(spec.name(), fetch.field(), "absent"), 1, Integer::sum);
      return;
    }
    if (value.isArray() && value.isEmpty() && fetch.byIdPath().isPresent()) {
      // A child read by id is one record per parent (a contact): an empty list is a lost one.
      unread.merge(new ParentPage.Unread(spec.name(), fetch.field(), "an empty list"), 1,
          Integer::sum);
      return;
    }
    for (JsonNode item : value.isArray() ? value : List.of(value)) {
      if (item.isObject()) {
        for (String key : spec.keyProperties()) {
          boolean added = spec.parentIdField().map(key::equals).orElse(false);
          if (!added && (item.path(key).isNull() || item.path(key).isMissingNode())) {
            throw new MalformedBodyException("a record's '" + fetch.field() + "' has an entry"
                + " without its '" + key + "'");
          }
        }
        child.shaper().write(item, out, Optional.of(parentId));
        counts[child.shaper().index()]++;
      } else if (item.isTextual() && !item.asText().isBlank()
          && fetch.pathFor(item.asText()).isPresent()) {
        shared.add(new ParentPage.SharedRef(at, item.asText()));
      } else {
        unread.merge(new ParentPage.Unread(spec.name(), fetch.field(), kind(item)), 1,
            Integer::sum);
      }
    }
  }

  private static String kind(JsonNode value) {
    return switch (value.getNodeType()) {
      case NULL, MISSING -> "null";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "a list";
      default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private void derivedRows(WalkTargets.Target rows, JsonNode array, String parentId, Long version)
      throws IOException {
    Replication.FromParentArray from = rows.shaper().selection().spec().replication()
        .rowsFromArray().orElseThrow();
    List<String> keys = rows.shaper().selection().spec().keyProperties();
    Optional<String> valueField = from.valueField();
    for (JsonNode element : array) {
      ObjectNode row;
      if (valueField.isPresent()) {
        row = JSON.objectNode();
        row.set(valueField.get(), element);
      } else if (element instanceof ObjectNode o) {
        row = o.deepCopy();
      } else {
        continue;
      }
      row.put(from.idField(), parentId);
      if (version != null) {
        row.put(from.versionField(), version);
      } else {
        row.putNull(from.versionField());
      }
      if (keys.stream().anyMatch(k -> row.path(k).isNull() || row.path(k).isMissingNode())) {
        warnings.accept("stream " + rows.shaper().name() + ": skipped a row that lacks part of its"
            + " key " + keys + " (warned once per stream; first seen on " + from.parentName() + " "
            + ShownText.of(parentId) + ")");
        continue;
      }
      rows.shaper().write(row, out, Optional.empty());
      counts[rows.shaper().index()]++;
    }
  }

  /** The parent keeps the ids of what came inline; the children got the rest. */
  private static JsonNode collapse(JsonNode inline, String idField) {
    if (inline instanceof ArrayNode items) {
      ArrayNode ids = JSON.arrayNode(items.size());
      items.forEach(i -> ids.add(i.isObject() ? i.get(idField) : i));
      return ids;
    }
    return inline.isObject() ? inline.get(idField) : inline;
  }
}
