package taplever.bench;

import taplever.config.Settings;

/**
 * A child-refresh setting as a user writes it in the config, and the period within which it
 * promises every child is read again.
 *
 * @param configKeys the config's {@code child_refresh*} entries, as JSON members
 * @param periodDays {@code child_full_refresh_days} in effect
 */
record RefreshPolicy(String name, String configKeys, long periodDays) {
  /** v0.1's policy with v0.1's period. */
  static RefreshPolicy periodic() {
    return new RefreshPolicy("periodic",
        "\"child_refresh\": \"periodic\", \"child_full_refresh_days\": 7", 7);
  }

  /** The new default, with the default period. */
  static RefreshPolicy rolling() {
    return new RefreshPolicy("rolling", "\"child_refresh\": \"rolling\"",
        Settings.CHILD_FULL_REFRESH_DAYS.defaultValue());
  }

  static RefreshPolicy named(String name) {
    return switch (name.trim()) {
      case "periodic" -> periodic();
      case "rolling" -> rolling();
      default -> throw new IllegalArgumentException(
          "refresh.policies: periodic and/or rolling, not " + name);
    };
  }

  String label() {
    return name + " (" + periodDays + " d)";
  }
}
