package taplever.http;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompleteJsonTest {

  private static void check(String body) throws MalformedBodyException {
    CompleteJson.check(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void acceptsOneCompleteValueWithSurroundingWhitespace() throws Exception {
    check("{\"a\":[1,2,{\"b\":null}],\"c\":\"é\"}");
    check("  {} \n");
    check("[]");
  }

  @Test
  void rejectsCutShortEmptyMalformedOrTrailingContent() {
    for (String bad : List.of("{\"a\":[1,2", "{\"a\":\"unterminated", "{} {}", "{]", "", "   ",
        "{\"a\":tru}", "<html></html>", "{}}")) {
      assertThrows(MalformedBodyException.class, () -> check(bad), bad);
    }
  }
}
