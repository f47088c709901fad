package taplever.config;

import java.util.Locale;

/** {@code unknown_fields}: what happens to fields Lever sends that a stream's schema lacks. */
public enum UnknownFields {
  /** Pass them through in the record (the schema then under-describes it). */
  KEEP,
  /** Leave them out, so every record matches its schema. */
  DROP;

  static UnknownFields parse(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
