package taplever.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import taplever.error.LeverApiException;
import taplever.error.ShownText;

/**
 * Reads Lever's list envelope in one streaming pass, handing each record to a sink: the records
 * (at {@code recordsAt}, usually {@code data}), {@code hasNext} and {@code next}, in any order.
 * A page is data only when its records are a list of objects each carrying the request's keys;
 * a read by id expects one object there instead. Tolerated: null entries (skipped, they hold no
 * record) and a missing {@code hasNext} (the last page). Anything else (a body that ends early,
 * is not one JSON value, or holds no list of keyed records where the records should be) is a
 * {@link MalformedBodyException}: the client fetches it again, and nothing of it is written.
 */
final class EnvelopeReader {
  private final ObjectMapper json;
  private final Logger log;

  EnvelopeReader(ObjectMapper json, Logger log) {
    this.json = json;
    this.log = log;
  }

  <T> Page<T> read(InputStream body, LeverRequest request, RecordSink<T> sink)
      throws MalformedBodyException {
    List<String> recordsAt = request.recordsAt();
    String endpoint = request.endpoint();
    try (JsonParser p = json.getFactory().createParser(body)) {
      KeyWatchingParser records = new KeyWatchingParser(p, request.keys());
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new MalformedBodyException("the answer had an empty body");
      }
      if (first != JsonToken.START_OBJECT) {
        throw new MalformedBodyException("the answer is " + kind(first) + ", not an object");
      }
      boolean found = false;
      boolean hasNext = false;
      Optional<String> next = Optional.empty();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals(recordsAt.get(0))) {
          found = records(p, records, request, 1, sink);
        } else if (field.equals("hasNext")) {
          hasNext = value == JsonToken.VALUE_TRUE
              || (value == JsonToken.VALUE_STRING && p.getText().equals("true"));
          p.skipChildren(); // an object or list there is no flag; read past it
        } else if (field.equals("next") && value == JsonToken.VALUE_STRING && !p.getText().isEmpty()) {
          next = Optional.of(p.getText());
        } else {
          p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new MalformedBodyException("the answer had data after its JSON value");
      }
      if (!found) {
        throw new MalformedBodyException("the answer has no '" + String.join(".", recordsAt)
            + "'");
      }
      return new Page<>(sink.page(), hasNext, next);
    } catch (StreamConstraintsException e) {
      // Deterministic: fetching again would fail the same way, so say which limit it was.
      throw new LeverApiException(200, endpoint, "Lever's answer for " + endpoint + " is beyond"
          + " what the tap reads in one value (" + ShownText.of(limit(e.getOriginalMessage()))
          + "); no Lever field should be that large", e);
    } catch (MalformedBodyException e) {
      throw e;
    } catch (InputCoercionException e) {
      // A number a sink cannot take: the same page would fail the same way if fetched again.
      throw new LeverApiException(200, endpoint, "Lever's answer for " + endpoint + " holds a"
          + " number the tap cannot read (" + ShownText.of(e.getOriginalMessage()) + ")", e);
    } catch (IOException e) {
      MalformedBodyException broken =
          new MalformedBodyException("the answer's body was cut short or is not JSON");
      broken.initCause(e);
      throw broken;
    }
  }

  /** At the value of {@code recordsAt[depth - 1]}; true when the records were there. */
  private <T> boolean records(JsonParser p, KeyWatchingParser records, LeverRequest request,
      int depth, RecordSink<T> sink) throws IOException {
    List<String> recordsAt = request.recordsAt();
    String where = "'" + String.join(".", recordsAt.subList(0, depth)) + "'";
    JsonToken at = p.currentToken();
    // A plain list where the records were expected further down (the EEO envelope) is taken as
    // the records: Lever's usual shape, harmless to accept.
    if (depth < recordsAt.size() && at != JsonToken.START_ARRAY) {
      if (at != JsonToken.START_OBJECT) {
        p.skipChildren();
        return false;
      }
      boolean found = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals(recordsAt.get(depth))) {
          found = records(p, records, request, depth + 1, sink);
        } else {
          p.skipChildren();
        }
      }
      return found;
    }
    if (request.oneRecord()) {
      if (at != JsonToken.START_OBJECT) {
        throw new MalformedBodyException(where + " is " + kind(at) + ", not the record asked for");
      }
      record(records, sink, where);
      return true;
    }
    if (at != JsonToken.START_ARRAY) {
      throw new MalformedBodyException(where + " is " + kind(at) + ", not a list of records");
    }
    int nulls = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == JsonToken.VALUE_NULL) {
        nulls++;
      } else if (t == JsonToken.START_OBJECT) {
        record(records, sink, where);
      } else if (t == null) {
        throw new MalformedBodyException("the answer ended inside its records");
      } else {
        throw new MalformedBodyException(where + " holds " + kind(t) + ", not a record");
      }
    }
    if (nulls > 0) {
      log.warn("Lever's page for {} had {} null entries in {}; skipped them", request.endpoint(),
          nulls, where);
    }
    return true;
  }

  private static <T> void record(KeyWatchingParser records, RecordSink<T> sink, String where)
      throws IOException {
    records.startRecord();
    sink.record(records);
    Optional<String> missing = records.missingKey();
    if (missing.isPresent()) {
      throw new MalformedBodyException("a record in " + where + " has no '" + missing.get() + "'");
    }
  }

  /** "String value length (12) exceeds the maximum allowed (10, from ...)" → its figures. */
  private static String limit(String jackson) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("^(.*?) \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)").matcher(jackson);
    return m.find() ? m.group(1) + " " + m.group(2) + " exceeds the tap's limit of " + m.group(3)
        : jackson;
  }

  private static String kind(JsonToken t) {
    return switch (t) {
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case START_ARRAY -> "a list";
      case START_OBJECT -> "an object";
      default -> t.name();
    };
  }
}
