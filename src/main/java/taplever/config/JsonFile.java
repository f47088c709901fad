package taplever.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import taplever.error.InputException;

/**
 * Reads a user's JSON input (config, catalog, state), failing with one line that names the file.
 *
 * <p>The limits are explicit, and lower than Jackson's for strings: none of these files has a
 * reason to hold a string of a million characters, and a hostile one should not cost the memory
 * of twenty. Past a limit the file is bad input (exit 2), named with the limit it broke.
 */
public final class JsonFile {
  public static final int MAX_DEPTH = 1_000;
  public static final int MAX_STRING_LENGTH = 1_000_000;
  public static final int MAX_NUMBER_LENGTH = 1_000;
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH)
          .maxStringLength(MAX_STRING_LENGTH)
          .maxNumberLength(MAX_NUMBER_LENGTH)
          .build())
      .build();

  private JsonFile() {}

  /** @param what "config", "catalog" or "state", for the message */
  public static JsonNode read(ObjectMapper mapper, Path file, String what) {
    String named = what + " file " + file;
    try (JsonParser parser = FACTORY.createParser(Files.readAllBytes(file))) {
      JsonNode node = mapper.readTree(parser);
      if (node == null || node.isMissingNode()) {
        throw new InputException(named + " is empty");
      }
      if (parser.nextToken() != null) {
        // Two states pasted into one file, or a half-overwritten one: neither is the one meant.
        throw new InputException(named + " is not valid JSON (line "
            + parser.currentLocation().getLineNr() + ": more after its JSON value)");
      }
      return node;
    } catch (NoSuchFileException e) {
      throw new InputException(named + " does not exist");
    } catch (StreamConstraintsException e) {
      throw new InputException(named + " is too large to be valid input: " + limit(e));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new InputException(named + " is not valid JSON"
          + (at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ")"));
    } catch (IOException e) {
      throw new InputException(named + " cannot be read: " + e.getMessage());
    }
  }

  private static String limit(StreamConstraintsException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (message.contains("nesting depth")) {
      return "it nests deeper than " + MAX_DEPTH + " levels";
    }
    if (message.contains("String value length")) {
      return "it holds a string longer than " + MAX_STRING_LENGTH + " characters";
    }
    if (message.contains("Number value length")) {
      return "it holds a number longer than " + MAX_NUMBER_LENGTH + " digits";
    }
    return "it exceeds a reading limit";
  }
}
