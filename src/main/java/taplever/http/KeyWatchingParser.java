package taplever.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The parser a {@link RecordSink} reads each record through, noting whether the record's own
 * fields include every key with a value. The sink streams the record without a tree, so the check
 * rides on the tokens it reads anyway: a record without its key is a malformed page, not data.
 * Jackson's {@code nextFieldName}, {@code nextTextValue} and tree reading all advance through
 * {@link #nextToken()}, so every way a sink reads a field is seen.
 */
final class KeyWatchingParser extends JsonParserDelegate {
  private final List<String> keys;
  private final boolean[] present;
  private JsonStreamContext record;
  private int pending = -1;

  KeyWatchingParser(JsonParser parser, List<String> keys) {
    super(parser);
    this.keys = keys;
    this.present = new boolean[keys.size()];
  }

  /** The parser is on a record's {@code START_OBJECT}: watch its fields from here. */
  void startRecord() {
    record = delegate.getParsingContext();
    Arrays.fill(present, false);
    pending = -1;
  }

  /** The first key the record read since {@link #startRecord()} lacked, if any. */
  Optional<String> missingKey() {
    for (int i = 0; i < present.length; i++) {
      if (!present[i]) {
        return Optional.of(keys.get(i));
      }
    }
    return Optional.empty();
  }

  @Override
  public JsonToken nextToken() throws IOException {
    return watch(delegate.nextToken());
  }

  @Override
  public JsonToken nextValue() throws IOException {
    JsonToken t = delegate.nextValue();
    pending = -1;
    if (t != null && (t.isScalarValue() || t.isStructStart())) {
      // nextValue steps over the field name: judge the value by the name it belongs to.
      JsonStreamContext at = delegate.getParsingContext();
      if ((t.isStructStart() ? at.getParent() : at) == record) {
        int key = indexOf(delegate.currentName());
        if (key >= 0 && t != JsonToken.VALUE_NULL) {
          present[key] = true;
        }
      }
    }
    return t;
  }

  private JsonToken watch(JsonToken t) throws IOException {
    if (pending >= 0) {
      if (t != JsonToken.VALUE_NULL) {
        present[pending] = true;
      }
      pending = -1;
    } else if (t == JsonToken.FIELD_NAME && delegate.getParsingContext() == record) {
      pending = indexOf(delegate.currentName());
    }
    return t;
  }

  private int indexOf(String field) {
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).equals(field)) {
        return i;
      }
    }
    return -1;
  }
}
