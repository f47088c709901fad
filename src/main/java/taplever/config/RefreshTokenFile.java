package taplever.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import taplever.error.InputException;

/**
 * {@code <config>.refresh-token}: where a rotated refresh token waits when the config file could
 * not take it (a full disk), so the token Lever issued is not lost. The next run uses it, and it
 * is deleted once the config holds the newest token.
 *
 * <p>It records a SHA-256 of the config's token it stands in for: once the config holds another
 * one (a later save, or {@code tap-lever login}), the file is stale and ignored, so an old token
 * can never win over a newer one even if deleting the file failed.
 */
public final class RefreshTokenFile {
  private static final String TOKEN = "refresh_token";
  private static final String REPLACES = "replaces_sha256";

  private final Path path;
  private final Path config;
  private final ObjectMapper mapper = new ObjectMapper();

  private RefreshTokenFile(Path config) {
    this.config = config;
    this.path = config.resolveSibling(config.getFileName() + ".refresh-token");
  }

  public static RefreshTokenFile beside(Path config) {
    return new RefreshTokenFile(config);
  }

  public Path path() {
    return path;
  }

  /** The waiting token, if there is one and the config still holds {@code configToken}. */
  Optional<Secret> newerThan(Secret configToken) {
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    JsonNode root = JsonFile.read(mapper, path, "refresh token");
    JsonNode token = root.path(TOKEN);
    if (!root.isObject() || !token.isTextual() || token.asText().isBlank()) {
      throw new InputException("refresh token file " + path + " has no '" + TOKEN + "'; delete it"
          + " or run 'tap-lever login --config " + config + "'");
    }
    return root.path(REPLACES).asText("").equals(sha256(configToken))
        ? Optional.of(Secret.of(token.asText()))
        : Optional.empty();
  }

  /** Owned like the config, readable by its owner only. */
  void write(Secret token, Secret replacing, SafeReplace files) throws IOException {
    ObjectNode root = mapper.createObjectNode();
    root.put(TOKEN, token.reveal());
    root.put(REPLACES, sha256(replacing));
    files.replace(path, config, Optional.of(PosixFilePermissions.fromString("rw-------")),
        mapper.writeValueAsBytes(root));
  }

  void delete() throws IOException {
    Files.deleteIfExists(path);
  }

  private static String sha256(Secret token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.reveal().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
