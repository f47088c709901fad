package taplever.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A live opportunity, stored compactly: its Lever payload as UTF-8 JSON bytes (100k opportunities
 * of {@code ObjectNode}s would cost ~600 MB and dominate GC), the fields filters read unpacked into
 * primitives, and the JSON of its expanded application, so {@code expand=applications} and {@code
 * expand=contact} are byte splices. Immutable; a mutation creates a new entry with {@link
 * #withNode}.
 */
final class OpportunityEntry extends ListItem {
  private static final byte[] APPLICATIONS_KEY =
      "\"applications\":[".getBytes(StandardCharsets.UTF_8);
  private static final byte[] CONTACT_KEY = "\"contact\":\"".getBytes(StandardCharsets.UTF_8);
  final int genIndex;
  final OpportunityGenerator.Candidacy candidacy;
  final long createdAt;
  final boolean hasUpdatedAt;
  final long updatedAt;
  final boolean archived;
  final boolean confidential;
  final String contact;
  final String stage;
  final String origin;
  final String archiveReason;
  final long archivedAt;
  final long lastAdvancedAt;
  final String[] tags;
  final String[] sources;
  private final byte[] json;
  private final byte[] applicationsJson;
  private final int applicationsFrom;
  private final int applicationsTo;
  private final int contactFrom;
  private final int contactTo;

  /**
   * @param applicationsJson the JSON array of full application objects that replaces the id array
   *     when expanded
   */
  OpportunityEntry(
      int genIndex,
      OpportunityGenerator.Candidacy candidacy,
      ObjectNode node,
      byte[] applicationsJson,
      ObjectMapper mapper) {
    super(Nodes.millis(node, "createdAt", 0), node.get("id").asText(), null);
    this.genIndex = genIndex;
    this.candidacy = candidacy;
    this.createdAt = sortMs;
    this.hasUpdatedAt = node.path("updatedAt").isNumber();
    this.updatedAt = hasUpdatedAt ? node.get("updatedAt").asLong() : Long.MIN_VALUE;
    this.archived = node.path("archived").isObject();
    this.confidential = "confidential".equals(Nodes.text(node, "confidentiality"));
    this.contact = Nodes.text(node, "contact");
    this.stage = Nodes.text(node, "stage");
    this.origin = Nodes.text(node, "origin");
    this.archiveReason = archived ? Nodes.text((ObjectNode) node.get("archived"), "reason") : null;
    this.archivedAt =
        archived
            ? Nodes.millis((ObjectNode) node.get("archived"), "archivedAt", Long.MIN_VALUE)
            : Long.MIN_VALUE;
    this.lastAdvancedAt = Nodes.millis(node, "lastAdvancedAt", Long.MIN_VALUE);
    this.tags = strings(node, "tags");
    this.sources = strings(node, "sources");
    this.json = serialize(mapper, node);
    this.applicationsJson = applicationsJson;
    int from = indexOf(json, APPLICATIONS_KEY);
    if (from < 0) {
      throw new IllegalStateException("opportunity without applications array");
    }
    this.applicationsFrom = from + APPLICATIONS_KEY.length - 1;
    int to = applicationsFrom;
    while (json[to] != ']') {
      to++;
    }
    this.applicationsTo = to + 1;
    // The top-level key comes first in field order, and a string value cannot hold an unescaped
    // quote, so the first match is the key. A null contact is never expanded.
    int contact = indexOf(json, CONTACT_KEY);
    this.contactFrom = contact < 0 ? -1 : contact + CONTACT_KEY.length - 1;
    int end = contactFrom + 1;
    while (contact >= 0 && json[end] != '"') {
      end++;
    }
    this.contactTo = contact < 0 ? -1 : end + 1;
    if (contact >= 0 && contactTo > applicationsFrom) {
      throw new IllegalStateException("contact must come before applications");
    }
  }

  OpportunityEntry withNode(ObjectNode newNode, ObjectMapper mapper) {
    return new OpportunityEntry(genIndex, candidacy, newNode, applicationsJson, mapper);
  }

  /** A new entry for a changed payload whose application changed too. */
  OpportunityEntry withNode(ObjectNode newNode, byte[] newApplicationsJson, ObjectMapper mapper) {
    return new OpportunityEntry(genIndex, candidacy, newNode, newApplicationsJson, mapper);
  }

  String id() {
    return key;
  }

  /** A fresh, mutable copy of the payload. */
  @Override
  ObjectNode node(ObjectMapper mapper) {
    try {
      return (ObjectNode) mapper.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  byte[] json(ObjectMapper mapper) {
    return json;
  }

  /** The payload with {@code applications} holding full application objects instead of ids. */
  byte[] expandedJson() {
    return expandedJson(true, null);
  }

  /**
   * The payload with full application objects when {@code applications}, and the contact object
   * {@code contactJson} in place of the contact id when it is not null.
   */
  byte[] expandedJson(boolean applications, byte[] contactJson) {
    boolean contact = contactJson != null && contactFrom >= 0;
    if (!applications && !contact) {
      return json;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 1024);
    int at = 0;
    if (contact) {
      out.write(json, at, contactFrom - at);
      out.writeBytes(contactJson);
      at = contactTo;
    }
    if (applications) {
      out.write(json, at, applicationsFrom - at);
      out.writeBytes(applicationsJson);
      at = applicationsTo;
    }
    out.write(json, at, json.length - at);
    return out.toByteArray();
  }

  private static String[] strings(ObjectNode node, String field) {
    var array = node.path(field);
    String[] values = new String[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asText();
    }
    return values;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
