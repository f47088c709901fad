package taplever.cli;

import java.util.List;
import java.util.Optional;
import taplever.catalog.StreamSelection;
import taplever.config.ConfigLock;
import taplever.config.TapConfig;

/**
 * What a command runs on, from {@link ConfigInput#open}; closing it releases the OAuth lock.
 *
 * @param config as read under the lock, when there is one
 * @param selections the streams to sync or check, in registry order
 * @param prepared what the command made of the input before the lock was taken
 */
public record RunInput<T>(TapConfig config, List<StreamSelection> selections, T prepared,
    Optional<ConfigLock> lock) implements AutoCloseable {

  @Override
  public void close() {
    lock.ifPresent(ConfigLock::close);
  }
}
