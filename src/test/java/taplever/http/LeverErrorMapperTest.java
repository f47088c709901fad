package taplever.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LeverErrorMapperTest {
  private final LeverErrorMapper errors = new LeverErrorMapper(new ObjectMapper(), "API key");

  @Test
  void aBodyThatIsNotLeversJsonSaysThereAreNoDetails() {
    assertEquals("Lever answered 502 for /users after retrying for 12s: no error details",
        errors.forStatus("/users", 502, "<html>gateway</html>".getBytes(StandardCharsets.UTF_8), 12)
            .getMessage());
  }

  @Test
  void leversMessageIsPutOnOneLine() {
    byte[] body = "{\"message\":\"line one\\n  line two\"}".getBytes(StandardCharsets.UTF_8);
    assertEquals("Lever answered 422 for /users: line one line two",
        errors.forStatus("/users", 422, body, 0).getMessage());
  }

  @Test
  void leversMessageCannotForgeALogLineNorReorderIt() {
    byte[] body = ("{\"code\": \"Bad\", \"message\": \"x\\u0000\\u001b[2J\\u2028CRITICAL fake"
        + "\\u202Eevil\"}").getBytes(StandardCharsets.UTF_8);
    assertEquals("Lever answered 422 for /users: Bad: x\\u0000\\u001B[2J\\u2028CRITICAL fake"
        + "\\u202Eevil", errors.forStatus("/users", 422, body, 0).getMessage());
  }

  @Test
  void aLongMessageIsCutAtTwoHundredCodePointsWithoutSplittingOne() {
    byte[] body = ("{\"message\": \"a" + "😀".repeat(300) + "\"}").getBytes(StandardCharsets.UTF_8);
    assertEquals("Lever answered 404 for /users: a" + "😀".repeat(199) + "…(+101 chars)",
        errors.forStatus("/users", 404, body, 0).getMessage());
  }

  @Test
  void aNetworkErrorsTextIsEscapedToo() {
    IOException e = new IOException("Unexpected status line: HTTP/1.1 200\r\nX-Fake: 1");
    assertEquals("could not reach Lever for /x after retrying for 7s: IOException Unexpected status"
        + " line: HTTP/1.1 200\\r\\nX-Fake: 1", errors.forIo("/x", e, 7).getMessage());
  }

  @Test
  void networkErrorsLoseAnyQueryString() {
    IOException e =
        new IOException("unexpected end of stream on https://api.lever.co/v1/x?offset=t");
    assertEquals("could not reach Lever for /x after retrying for 7s: IOException unexpected end of"
        + " stream on https://api.lever.co/v1/x", errors.forIo("/x", e, 7).getMessage());
  }
}
