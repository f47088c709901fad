package taplever.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The options every command that reads a config shares (the tap, {@code login}, {@code check}):
 * {@code --config} and {@code --log-level}. {@code demo} makes its own config, so
 * it mixes in {@link LogOptions} alone.
 */
public final class CommonOptions {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "Config JSON (see the README's Configure section). Required, except for"
          + " --about; login writes refresh_token into it, keeping its other keys, owner and mode.")
  Path config;

  @Mixin
  LogOptions log;

  /**
   * The config's real path ({@link ConfigInput#realPath}: the command reads, locks and rewrites
   * that file, never a symlink to it), or the usage error picocli gives for a missing required
   * option.
   */
  public Path requireConfig(CommandLine.Model.CommandSpec spec) {
    if (config == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Missing required option: '--config=FILE'");
    }
    return ConfigInput.realPath(config);
  }
}
