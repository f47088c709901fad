package taplever.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Checks that a body is exactly one complete, well-formed JSON value by reading every token with
 * Jackson's streaming parser: no tree is built, so the check costs little next to the parse that
 * follows.
 */
final class CompleteJson {
  private static final JsonFactory JSON = new JsonFactory();

  private CompleteJson() {
  }

  static void check(byte[] body) throws MalformedBodyException {
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() == null) {
        throw new MalformedBodyException("the answer had an empty body");
      }
      parser.skipChildren();
      if (parser.nextToken() != null) {
        throw new MalformedBodyException("the answer had data after its JSON value");
      }
    } catch (MalformedBodyException e) {
      throw e;
    } catch (IOException e) {
      throw new MalformedBodyException("the answer's body was cut short or is not JSON");
    }
  }
}
