package taplever.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import taplever.error.InputException;

/** Reads a user's JSON input (config, catalog, state), failing with one line that names the file. */
public final class JsonFile {
  private JsonFile() {}

  /** @param what "config", "catalog" or "state", for the message */
  public static JsonNode read(ObjectMapper mapper, Path file, String what) {
    try {
      JsonNode node = mapper.readTree(Files.readAllBytes(file));
      if (node == null || node.isMissingNode()) {
        throw new InputException(what + " file " + file + " is empty");
      }
      return node;
    } catch (NoSuchFileException e) {
      throw new InputException(what + " file " + file + " does not exist");
    } catch (JsonProcessingException e) {
      throw new InputException(what + " file " + file + " is not valid JSON (line "
          + e.getLocation().getLineNr() + ")");
    } catch (IOException e) {
      throw new InputException(what + " file " + file + " cannot be read: " + e.getMessage());
    }
  }
}
