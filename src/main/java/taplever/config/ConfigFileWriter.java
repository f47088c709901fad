package taplever.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import taplever.error.InputException;

/**
 * Writes a rotated OAuth refresh token back into the config file. Lever rotates refresh tokens, so
 * losing the new one means the next run cannot authenticate: the write is atomic (temporary file
 * in the same folder, fsync, rename) and keeps the file's permissions.
 */
public final class ConfigFileWriter {
  private final Path path;
  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public ConfigFileWriter(Path path) {
    this.path = path;
  }

  /** Fails before any token is spent if the file or its folder cannot be written. */
  public void checkWritable() {
    Path dir = path.toAbsolutePath().getParent();
    if (!Files.isWritable(path) || dir == null || !Files.isWritable(dir)) {
      throw new InputException("config file " + path + " must be writable (and its folder too):"
          + " Lever rotates OAuth refresh tokens and the tap saves the new one there");
    }
  }

  public synchronized void saveRefreshToken(Secret refreshToken) {
    set("refresh_token", refreshToken.reveal());
  }

  /** Replaces one top-level string key, leaving every other key as it was. */
  public synchronized void set(String key, String value) {
    try {
      ObjectNode root = (ObjectNode) mapper.readTree(path.toFile());
      root.put(key, value);
      Path dir = path.toAbsolutePath().getParent();
      Path tmp = Files.createTempFile(dir, "." + path.getFileName() + ".", ".tmp");
      try {
        copyPermissions(tmp);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
          ch.write(java.nio.ByteBuffer.wrap(mapper.writeValueAsBytes(root)));
          ch.force(true);
        }
        Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (AccessDeniedException e) {
      throw new InputException("config file " + path + " is not writable; the new refresh token"
          + " could not be saved");
    } catch (IOException | ClassCastException e) {
      throw new InputException("config file " + path + " could not be updated with the new refresh"
          + " token (" + e.getClass().getSimpleName() + ")");
    }
  }

  private void copyPermissions(Path tmp) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
    if (view != null) {
      Set<PosixFilePermission> perms = view.readAttributes().permissions();
      Files.setPosixFilePermissions(tmp, perms);
    }
  }
}
