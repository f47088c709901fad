package taplever.cli;

import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;
import taplever.error.InputException;

/** slf4j-simple reads its level once, when the first logger is made: set it before that. */
final class Logging {
  private static final Set<String> LEVELS = Set.of("debug", "info", "warn", "error");

  private Logging() {}

  static void setLevel(String level) {
    String l = level.toLowerCase(Locale.ROOT);
    if (!LEVELS.contains(l)) {
      throw new InputException("--log-level must be debug, info, warn or error, not '" + level + "'");
    }
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", l);
  }

  static Consumer<String> warnings() {
    return message -> LoggerFactory.getLogger("tap-lever").warn(message);
  }
}
