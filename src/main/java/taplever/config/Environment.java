package taplever.config;

import java.util.Map;
import java.util.Optional;

/**
 * The process environment, as the config reads it ({@code pii.salt_env}). Production passes
 * {@link #system()}; tests pass a map, so no test depends on the machine's variables.
 */
@FunctionalInterface
public interface Environment {

  /** The variable's value, when it is set. */
  Optional<String> variable(String name);

  static Environment system() {
    return name -> Optional.ofNullable(System.getenv(name));
  }

  static Environment of(Map<String, String> variables) {
    Map<String, String> copy = Map.copyOf(variables);
    return name -> Optional.ofNullable(copy.get(name));
  }
}
