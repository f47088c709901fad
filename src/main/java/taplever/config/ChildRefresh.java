package taplever.config;

import java.util.Locale;

/**
 * {@code child_refresh}: how the children Lever edits without moving their parent's
 * {@code updatedAt} (offer status, feedback edits) are read again.
 */
public enum ChildRefresh {
  /**
   * The live pipeline every run, the archived opportunities in even slices so each is read again
   * within {@code child_full_refresh_days}.
   */
  ROLLING,
  /** v0.1's policy: every opportunity's children every {@code child_full_refresh_days}. */
  PERIODIC;

  static ChildRefresh parse(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
