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

/**
 * Reads Lever's list envelope in one streaming pass, handing each record to a sink: the records
 * (at {@code recordsAt}, usually {@code data}), {@code hasNext} and {@code next}, in any order.
 * Tolerates Lever's documented quirks: {@code data} given as a single object, null entries
 * (skipped), and missing {@code hasNext} (the last page). A body that ends early or is not one
 * JSON value is a {@link MalformedBodyException}, which the client answers by fetching again.
 */
final class EnvelopeReader {
  private final ObjectMapper json;
  private final Logger log;

  EnvelopeReader(ObjectMapper json, Logger log) {
    this.json = json;
    this.log = log;
  }

  <T> Page<T> read(InputStream body, List<String> recordsAt, RecordSink<T> sink, String endpoint)
      throws MalformedBodyException {
    try (JsonParser p = json.getFactory().createParser(body)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new MalformedBodyException("the answer had an empty body");
      }
      if (first != JsonToken.START_OBJECT) {
        throw notAList(endpoint);
      }
      boolean found = false;
      boolean hasNext = false;
      Optional<String> next = Optional.empty();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals(recordsAt.get(0))) {
          found = records(p, recordsAt, 1, sink, endpoint);
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
        throw notAList(endpoint);
      }
      return new Page<>(sink.page(), hasNext, next);
    } catch (StreamConstraintsException e) {
      // Deterministic: fetching again would fail the same way, so say which limit it was.
      throw new LeverApiException(200, endpoint, "Lever's answer for " + endpoint + " is beyond"
          + " what the tap reads in one value (" + limit(e.getOriginalMessage())
          + "); no Lever field should be that large", e);
    } catch (MalformedBodyException e) {
      throw e;
    } catch (InputCoercionException e) {
      // A number a sink cannot take: the same page would fail the same way if fetched again.
      throw new LeverApiException(200, endpoint, "Lever's answer for " + endpoint + " holds a"
          + " number the tap cannot read (" + e.getOriginalMessage() + ")", e);
    } catch (IOException e) {
      MalformedBodyException broken =
          new MalformedBodyException("the answer's body was cut short or is not JSON");
      broken.initCause(e);
      throw broken;
    }
  }

  /** At the value of {@code recordsAt[depth - 1]}; true when the records were there. */
  private <T> boolean records(JsonParser p, List<String> recordsAt, int depth, RecordSink<T> sink,
      String endpoint) throws IOException {
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
          found = records(p, recordsAt, depth + 1, sink, endpoint);
        } else {
          p.skipChildren();
        }
      }
      return found;
    }
    if (at == JsonToken.START_OBJECT) {
      sink.record(p);
      return true;
    }
    if (at != JsonToken.START_ARRAY) {
      return false;
    }
    int nulls = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == JsonToken.VALUE_NULL) {
        nulls++;
      } else if (t == JsonToken.START_OBJECT) {
        sink.record(p);
      } else if (t == null) {
        throw new MalformedBodyException("the answer ended inside its records");
      } else {
        throw new LeverApiException(200, endpoint, "Lever answered " + endpoint
            + " with a '" + String.join(".", recordsAt) + "' entry that is not an object ("
            + kind(t) + ")");
      }
    }
    if (nulls > 0) {
      log.warn("Lever's page for {} had {} null entries in '{}'; skipped them", endpoint, nulls,
          String.join(".", recordsAt));
    }
    return true;
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
      case VALUE_STRING -> "STRING";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "NUMBER";
      case VALUE_TRUE, VALUE_FALSE -> "BOOLEAN";
      case START_ARRAY -> "ARRAY";
      default -> t.name();
    };
  }

  private static LeverApiException notAList(String endpoint) {
    return new LeverApiException(200, endpoint, "Lever answered " + endpoint + " without a 'data'"
        + " list");
  }
}
