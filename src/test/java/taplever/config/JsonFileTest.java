package taplever.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import taplever.error.InputException;

class JsonFileTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private String fails(String content) throws IOException {
    Path file = Files.writeString(dir.resolve("state.json"), content);
    return assertThrows(InputException.class, () -> JsonFile.read(JSON, file, "state"))
        .getMessage();
  }

  @Test
  void nestingDeeperThanTheLimitIsBadInputNamingTheFileAndTheLimit() throws IOException {
    String deep = "[".repeat(JsonFile.MAX_DEPTH + 1) + "]".repeat(JsonFile.MAX_DEPTH + 1);
    assertEquals("state file " + dir.resolve("state.json") + " is too large to be valid input: it"
        + " nests deeper than 1000 levels", fails(deep));
  }

  @Test
  void nestingUpToTheLimitIsRead() throws IOException {
    Path file = Files.writeString(dir.resolve("ok.json"), "[".repeat(JsonFile.MAX_DEPTH)
        + "]".repeat(JsonFile.MAX_DEPTH));
    assertEquals(1, JsonFile.read(JSON, file, "state").size(), "the outer array holds the next");
  }

  @Test
  void aStringLongerThanTheLimitIsBadInputNamingTheLimit() throws IOException {
    String big = "{\"a\": \"" + "x".repeat(JsonFile.MAX_STRING_LENGTH + 1) + "\"}";
    assertEquals("state file " + dir.resolve("state.json") + " is too large to be valid input: it"
        + " holds a string longer than 1000000 characters", fails(big));
  }

  @Test
  void brokenJsonNamesTheLine() throws IOException {
    assertEquals("state file " + dir.resolve("state.json") + " is not valid JSON (line 2)",
        fails("{\n\"a\": }"));
  }

  @Test
  void anEmptyFileIsNamed() throws IOException {
    assertEquals("state file " + dir.resolve("state.json") + " is empty", fails(""));
  }
}
