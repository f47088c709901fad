package taplever.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import taplever.error.InputException;

/**
 * Writes a rotated OAuth refresh token back into the config file. Lever rotates refresh tokens,
 * so losing the new one means the next run cannot authenticate: the write is atomic and keeps the
 * file's owner, group and mode ({@link SafeReplace}); {@link #checkWritable} rehearses it before
 * a token is spent; and if the config still cannot take the new token, it waits in the
 * {@link RefreshTokenFile} beside it.
 */
public final class ConfigFileWriter {
  /** Room beyond the current size: a rotated token may be longer than the one it replaces. */
  private static final int HEADROOM = 4096;

  private final Path path;
  private final SafeReplace files;
  private final RefreshTokenFile pending;
  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public ConfigFileWriter(Path path) {
    this(path, FileWrites.system());
  }

  public ConfigFileWriter(Path path, FileWrites writes) {
    this.path = path;
    this.files = new SafeReplace(writes);
    this.pending = RefreshTokenFile.beside(path);
  }

  /**
   * Fails, before any token is spent, if the file could not be rewritten: not writable, a full
   * disk, or an owner that cannot be kept.
   */
  public void checkWritable() {
    Path dir = path.toAbsolutePath().getParent();
    if (!Files.isWritable(path) || dir == null || !Files.isWritable(dir)) {
      throw new InputException("config file " + path + " must be writable (and its folder too):"
          + " Lever rotates OAuth refresh tokens and the tap saves the new one there");
    }
    try {
      int size = mapper.writeValueAsBytes(mapper.readTree(path.toFile())).length;
      files.rehearse(path, size + HEADROOM);
    } catch (IOException e) {
      throw new InputException("config file " + path + " cannot be rewritten (" + reason(e)
          + "); the tap checks this before using the refresh token, because Lever replaces it"
          + " and the new one must be saved there");
    }
  }

  /**
   * Saves the token in the config, or failing that in {@code <config>.refresh-token}; either way
   * a failure to save in the config is an error, which says where the token is.
   */
  public synchronized void saveRefreshToken(Secret refreshToken) {
    try {
      set("refresh_token", refreshToken.reveal());
    } catch (IOException e) {
      throw keptAside(refreshToken, e);
    }
    try {
      pending.delete();
    } catch (IOException e) {
      // Harmless: it names the token it replaced, which the config no longer holds.
    }
  }

  private InputException keptAside(Secret refreshToken, IOException configFailure) {
    String why = reason(configFailure);
    try {
      pending.write(refreshToken, configToken(), files);
    } catch (IOException e) {
      return new InputException("could not save the rotated OAuth refresh token in config file "
          + path + " (" + why + ") nor in " + pending.path() + " (" + reason(e) + "); Lever has"
          + " already replaced the old one, so run 'tap-lever login --config " + path + "'");
    }
    return new InputException("could not save the rotated OAuth refresh token in config file "
        + path + " (" + why + "); it is kept in " + pending.path() + " (mode 0600), which the"
        + " next run uses. Fix the config file (free space, permissions) and run the tap again");
  }

  /** The token the config file holds now, which the waiting one stands in for. */
  private Secret configToken() {
    try {
      JsonNode token = mapper.readTree(path.toFile()).path("refresh_token");
      return Secret.of(token.asText(""));
    } catch (IOException e) {
      return Secret.of("");
    }
  }

  /** Replaces one top-level string key, leaving every other key as it was. */
  private void set(String key, String value) throws IOException {
    JsonNode tree = mapper.readTree(path.toFile());
    if (!(tree instanceof ObjectNode root)) {
      throw new IOException("it no longer holds a JSON object");
    }
    root.put(key, value);
    files.replace(path, path, Optional.empty(), mapper.writeValueAsBytes(root));
  }

  /** A file-system reason, never file content. */
  private static String reason(IOException e) {
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
      return "it is no longer valid JSON";
    }
    return FileReasons.of(e);
  }
}
