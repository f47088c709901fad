package taplever.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import taplever.catalog.Selection;
import taplever.catalog.StreamSelection;
import taplever.config.ConfigLoader;
import taplever.config.ConfigLock;
import taplever.config.Credentials;
import taplever.config.JsonFile;
import taplever.config.PiiPolicy;
import taplever.config.TapConfig;
import taplever.error.InputException;
import taplever.runtime.TapRuntime;
import taplever.streams.LeverStreams;
import taplever.streams.SchemaRepository;

/**
 * The config as every command reads it: from the file its path names, every key checked before
 * any request, any output and the OAuth lock. One per command, holding the command's one load of
 * the schemas, which the catalog, the selection and the {@code pii.fields} check all read.
 */
public final class ConfigInput {
  private final CommandEnvironment env;
  private final TapRuntime runtime;
  private final Consumer<String> warnings;
  private final SchemaRepository schemas;

  /** @param warnings where the config's warnings go (unknown keys, a kept refresh token) */
  public ConfigInput(CommandEnvironment env, TapRuntime runtime, Consumer<String> warnings) {
    this.env = env;
    this.runtime = runtime;
    this.warnings = warnings;
    this.schemas = env.schemas().get();
  }

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

  public SchemaRepository schemas() {
    return schemas;
  }

  /**
   * The loader's checks, then {@code pii.fields} against the schemas, which the loader cannot see.
   *
   * @param config a {@link #realPath}
   */
  public TapConfig load(Path config, ConfigLoader.Purpose purpose) {
    return load(config, purpose, warnings);
  }

  /**
   * What {@code sync}, {@code check} and {@code login} run on: the config loaded, the streams
   * {@code catalog} selects (without one, those selected by default), the command's own checks,
   * then for an OAuth config its lock and the config read again under it, so the refresh token in
   * hand is the newest (a run that just ended may have rotated the one read first). Everything
   * that can be wrong with the input is found before the lock is taken.
   *
   * @param beforeLock the command's checks of what was read, and what it makes of it
   * @throws InputException for a bad config or catalog, or a config locked by another run
   */
  public <T> RunInput<T> open(Path config, ConfigLoader.Purpose purpose, Optional<Path> catalog,
      BiFunction<TapConfig, List<StreamSelection>, T> beforeLock) {
    TapConfig cfg = load(config, purpose);
    Selection selection = new Selection(schemas);
    List<StreamSelection> selections = catalog.isEmpty() ? selection.defaults()
        : selection.fromCatalog(JsonFile.read(TapLeverCommand.mapper(), catalog.get(),
            "catalog"));
    T prepared = beforeLock.apply(cfg, selections);
    Optional<ConfigLock> lock = lockFor(cfg, config);
    try {
      TapConfig current = lock.isEmpty() ? cfg : load(config, purpose, w -> { });
      return new RunInput<>(current, selections, prepared, lock);
    } catch (RuntimeException e) {
      lock.ifPresent(ConfigLock::close);
      throw e;
    }
  }

  private TapConfig load(Path config, ConfigLoader.Purpose purpose, Consumer<String> to) {
    TapConfig cfg = new ConfigLoader(to, TapLeverCommand.userAgent(), runtime.clock(),
        env.variables()).load(config, purpose);
    checkPiiFields(cfg.pii());
    return cfg;
  }

  /** A path naming no field would silently leave personal data in clear: a config error. */
  private void checkPiiFields(PiiPolicy pii) {
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

  /**
   * The config lock, for OAuth configs only (see {@link ConfigLock}). API-key configs take none:
   * they have no token to lose, overlapping runs are otherwise safe, and they often live on
   * read-only mounts (Kubernetes or Docker secrets) where no lock file can be made.
   */
  private static Optional<ConfigLock> lockFor(TapConfig cfg, Path config) {
    return cfg.credentials() instanceof Credentials.OAuth
        ? Optional.of(ConfigLock.acquire(config, ProcessHandle.current().pid()))
        : Optional.empty();
  }
}
