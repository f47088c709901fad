package taplever.cli;

import java.nio.file.Path;
import taplever.config.ConfigLoader;
import taplever.config.TapConfig;

/**
 * The config as every command reads it. Every key is checked here, before any request, any
 * output and the OAuth lock: the loader's checks, and {@code pii.fields} against the schemas,
 * which the loader cannot see.
 */
final class ConfigInput {
  private ConfigInput() {}

  static TapConfig load(ConfigLoader loader, Path config, ConfigLoader.Purpose purpose) {
    TapConfig cfg = loader.load(config, purpose);
    SyncRunner.personalData(cfg, TapLeverCommand.mapper());
    return cfg;
  }
}
