package taplever.sync.records;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import taplever.config.PiiPolicy;
import taplever.config.PiiPolicy.Mode;
import taplever.config.Secret;

/**
 * What happens to candidates' personal data: kept, replaced by a keyed hash (HMAC-SHA256, hex)
 * so that joins on hashed emails still match across streams, or dropped (null). Which values are
 * personal is data: {@code "x-pii": true} in the schemas, or the config's own list of
 * {@code stream.path}s, which replaces the marks. Inside a marked object or array every scalar is
 * masked.
 *
 * @param fields when present, exactly the {@code stream.path}s to mask instead of the marks
 */
public record PersonalData(Mode mode, Optional<Secret> key, Optional<Set<String>> fields) {
  public static final PersonalData KEEP = new PersonalData(Mode.KEEP, Optional.empty(),
      Optional.empty());
  static final String HASHED = "HMAC-SHA256 (hex) of Lever's value, keyed by the pii salt;"
      + " equal values hash equally across streams";

  public PersonalData {
    fields = fields.map(Set::copyOf);
    if (mode == Mode.HASH && key.isEmpty()) {
      throw new IllegalArgumentException("hashing needs a key");
    }
  }

  /** The config's {@code pii} as the shapers apply it: fields as {@code stream.path} text. */
  public static PersonalData of(PiiPolicy pii) {
    return new PersonalData(pii.mode(), pii.salt(), pii.fields().map(list -> list.stream()
        .map(PiiPolicy.Field::toString).collect(Collectors.toSet())));
  }

  boolean masks() {
    return mode != Mode.KEEP;
  }

  /** Which schema nodes hold personal data to mask. */
  Predicate<FieldShape.Node> marks() {
    if (mode == Mode.KEEP) {
      return n -> false;
    }
    if (fields.isPresent()) {
      Set<String> paths = fields.get();
      return n -> paths.contains(n.path());
    }
    return n -> n.schema().path("x-pii").asBoolean(false);
  }

  /** Hashes of one thread: a {@link Mac} is not thread-safe and costs to build per value. */
  Hasher hasher() {
    return new Hasher(this);
  }

  /** The SCHEMA of a stream under this policy: hashed values are declared as strings. */
  ObjectNode declare(ObjectNode schema, String stream) {
    if (mode != Mode.HASH) {
      return schema;
    }
    declare(schema, stream, marks(), false);
    return schema;
  }

  private static void declare(JsonNode node, String path, Predicate<FieldShape.Node> marks,
      boolean inside) {
    if (!(node instanceof ObjectNode schema)) {
      return;
    }
    boolean marked = inside || marks.test(new FieldShape.Node(path, schema));
    if (marked) {
      java.util.Set<FieldShape.Type> types = FieldShape.types(schema);
      ArrayNode type = schema.putArray("type").add("null");
      if (types.contains(FieldShape.Type.OBJECT)) {
        type.add("object");
      }
      if (types.contains(FieldShape.Type.ARRAY)) {
        type.add("array");
      }
      if (types.stream().anyMatch(t -> t != FieldShape.Type.NULL && t != FieldShape.Type.OBJECT
          && t != FieldShape.Type.ARRAY)) {
        type.add("string");
        schema.remove("format");
        schema.put("description", HASHED);
      }
    }
    JsonNode props = schema.get("properties");
    if (props != null) {
      props.fields().forEachRemaining(e -> declare(e.getValue(), path + "." + e.getKey(), marks,
          marked));
    }
    JsonNode items = schema.get("items");
    if (items != null) {
      declare(items, path, marks, marked);
    }
    JsonNode extra = schema.get("additionalProperties");
    if (extra != null && extra.isObject()) {
      declare(extra, path + ".*", marks, marked);
    }
  }

  /** Masks one value per the policy; one per thread. */
  static final class Hasher {
    private final PersonalData policy;
    private final Mac mac;

    private Hasher(PersonalData policy) {
      this.policy = policy;
      Mac m = null;
      if (policy.mode == Mode.HASH) {
        try {
          m = Mac.getInstance("HmacSHA256");
          m.init(new SecretKeySpec(policy.key.get().reveal().getBytes(StandardCharsets.UTF_8),
              "HmacSHA256"));
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("HmacSHA256 is not available", e);
        }
      }
      this.mac = m;
    }

    String hash(String value) {
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Copies the value at the parser, every scalar masked; the parser ends on its last token. */
    void copy(JsonParser p, JsonGenerator g) throws IOException {
      if (policy.mode == Mode.DROP) {
        p.skipChildren();
        g.writeNull();
        return;
      }
      JsonToken t = p.currentToken();
      switch (t) {
        case START_OBJECT -> {
          g.writeStartObject();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            g.writeFieldName(p.currentName());
            p.nextToken();
            copy(p, g);
          }
          g.writeEndObject();
        }
        case START_ARRAY -> {
          g.writeStartArray();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            copy(p, g);
          }
          g.writeEndArray();
        }
        case VALUE_NULL -> g.writeNull();
        default -> g.writeString(hash(p.getText()));
      }
    }
  }
}
