package taplever.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code pii}: what the tap does with personal data in records.
 *
 * @param mode keep, hash (HMAC-SHA256 with {@code salt}) or drop
 * @param fields the fields the mode applies to; empty means those the schemas mark as personal
 *     data, present replaces that set
 * @param salt the HMAC secret, read from the environment variable {@code salt_env} names; present
 *     exactly when the mode is hash
 */
public record PiiPolicy(Mode mode, Optional<List<Field>> fields, Optional<Secret> salt) {

  public enum Mode {
    KEEP, HASH, DROP;

    static Mode parse(String value) {
      return valueOf(value.toUpperCase(Locale.ROOT));
    }
  }

  /** {@code stream.path}: a stream and the path of a field inside its records. */
  public record Field(String stream, List<String> path) {
    public Field {
      Objects.requireNonNull(stream, "stream");
      path = List.copyOf(path);
      if (path.isEmpty()) {
        throw new IllegalArgumentException("a PII field needs a path under its stream");
      }
    }

    /** Parses the shape the settings registry has already checked. */
    static Field parse(String text) {
      List<String> parts = Arrays.asList(text.split("\\."));
      return new Field(parts.get(0), parts.subList(1, parts.size()));
    }

    @Override
    public String toString() {
      return stream + "." + String.join(".", path);
    }
  }

  public PiiPolicy {
    fields = fields.map(List::copyOf);
    if ((mode == Mode.HASH) != salt.isPresent()) {
      throw new IllegalArgumentException("a salt is needed exactly for mode hash");
    }
  }
}
