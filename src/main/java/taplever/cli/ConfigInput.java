package taplever.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import taplever.config.ConfigLoader;
import taplever.config.PiiPolicy;
import taplever.config.TapConfig;
import taplever.error.InputException;
import taplever.streams.LeverStreams;
import taplever.streams.SchemaRepository;

/**
 * The config as every command reads it: from the file its path names, every key checked before
 * any request, any output and the OAuth lock.
 */
public final class ConfigInput {
  private ConfigInput() {}

  /**
   * The file {@code given} names, symlinks resolved, once per run: the lock, the refresh-token
   * write-back and {@code <config>.refresh-token} all go by it. By the path as given, a run through
   * a symlink would lock {@code link.json.lock} beside another run's {@code config.json.lock} and
   * both spend the same token, and the write-back would replace the symlink with a regular file.
   * A path that does not resolve is returned as given, for the loader to say what is wrong.
   */
  static Path realPath(Path given) {
    try {
      return given.toRealPath();
    } catch (IOException | SecurityException e) {
      return given;
    }
  }

  /**
   * The loader's checks, then {@code pii.fields} against the schemas, which the loader cannot see.
   *
   * @param config a {@link #realPath}
   * @param schemas the command's one load of them
   */
  public static TapConfig load(ConfigLoader loader, Path config, ConfigLoader.Purpose purpose,
      SchemaRepository schemas) {
    TapConfig cfg = loader.load(config, purpose);
    checkPiiFields(cfg.pii(), schemas);
    return cfg;
  }

  /** A path naming no field would silently leave personal data in clear: a config error. */
  private static void checkPiiFields(PiiPolicy pii, SchemaRepository schemas) {
    for (PiiPolicy.Field field : pii.fields().orElse(List.of())) {
      String stream = field.stream();
      if (LeverStreams.find(stream).isEmpty()) {
        throw new InputException("config key 'pii.fields' names '" + field
            + "', but tap-lever has no stream '" + stream + "'");
      }
      if (!schemas.declares(stream, field.path())) {
        throw new InputException("config key 'pii.fields' names '" + field
            + "', which is not a field of stream " + stream + " (see schemas/" + stream
            + ".json)");
      }
    }
  }
}
