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
  void networkErrorsLoseAnyQueryString() {
    IOException e =
        new IOException("unexpected end of stream on https://api.lever.co/v1/x?offset=t");
    assertEquals("could not reach Lever for /x after retrying for 7s: IOException unexpected end of"
        + " stream on https://api.lever.co/v1/x", errors.forIo("/x", e, 7).getMessage());
  }
}
