package taplever.cli;

import org.slf4j.ILoggerFactory;
import taplever.runtime.TapRuntime;

/**
 * Makes a command's {@link TapRuntime} once its loggers exist (they depend on its
 * {@code --log-level}). Production passes {@code TapRuntime::system}; tests pass fake time, so
 * nothing in a CLI test sleeps for real.
 */
@FunctionalInterface
public interface RuntimeProvider {
  TapRuntime runtime(ILoggerFactory logs);
}
