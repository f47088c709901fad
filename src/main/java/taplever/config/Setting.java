package taplever.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import taplever.error.InputException;

/**
 * One config key, declared once: its JSON type, default, allowed values, whether it is a
 * credential, and what it means. {@link Settings#ALL} lists them; validation, defaults,
 * {@code --about} and the README's table all come from that list. Each kind reads its own value
 * from the config object and fails with one line naming the key and what was expected, never
 * echoing a value that could be a credential.
 */
public sealed interface Setting
    permits Setting.Text, Setting.Choice, Setting.Whole, Setting.Decimal, Setting.TextList,
        Setting.Group {

  String name();

  String description();

  /** The JSON Schema type: string, integer, number, array or object. */
  String jsonType();

  /** The default as a person reads it ({@code --about}, the README), when there is one. */
  Optional<String> shownDefault();

  default boolean secret() {
    return false;
  }

  /** Other names accepted for this key (the Stitch tap's {@code token} for {@code api_key}). */
  default List<String> aliases() {
    return List.of();
  }

  /** What a string must look like, and how it is checked. */
  enum TextKind {
    PLAIN(),
    /** https (or http to loopback) without userinfo; see {@link UrlText}. */
    URL("uri"),
    /**
     * An RFC3339 instant, or a date as people write it (Meltano's {@code date_iso8601}), which
     * means midnight UTC; {@link ConfigLoader} reads it.
     */
    DATE_TIME("date-time", "date"),
    /** Sent as an HTTP header: printable ASCII only, so no CR/LF can split it. */
    HEADER_VALUE(),
    /** The name of an environment variable. */
    ENV_NAME();

    private final List<String> formats;

    TextKind(String... formats) {
      this.formats = List.of(formats);
    }

    /** The JSON Schema {@code format}s a value may have, any one of them; often none. */
    public List<String> formats() {
      return formats;
    }
  }

  /** A string; empty or blank counts as an error, absent or null as not given. */
  record Text(String name, TextKind kind, boolean secret, List<String> aliases,
      Optional<String> shownDefault, String description) implements Setting {
    private static final Pattern HEADER_SAFE = Pattern.compile("[\\x20-\\x7E]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    static Text of(String name, String description) {
      return new Text(name, TextKind.PLAIN, false, List.of(), Optional.empty(), description);
    }

    Text kind(TextKind value) {
      return new Text(name, value, secret, aliases, shownDefault, description);
    }

    Text secretValue() {
      return new Text(name, kind, true, aliases, shownDefault, description);
    }

    Text alias(String other) {
      List<String> all = new ArrayList<>(aliases);
      all.add(other);
      return new Text(name, kind, secret, List.copyOf(all), shownDefault, description);
    }

    Text shown(String defaultText) {
      return new Text(name, kind, secret, aliases, Optional.of(defaultText), description);
    }

    @Override
    public String jsonType() {
      return "string";
    }

    /** The value under this name or an alias; both given with different values is an error. */
    public Optional<String> read(JsonNode parent, String prefix) {
      Optional<String> value = JsonValues.text(parent, name, prefix);
      for (String alias : aliases) {
        Optional<String> other = JsonValues.text(parent, alias, prefix);
        if (value.isPresent() && other.isPresent() && !value.equals(other)) {
          throw new InputException("config has both '" + prefix + name + "' and its alias '"
              + prefix + alias + "' with different values; keep one");
        }
        value = value.or(() -> other);
      }
      return value.map(v -> checked(prefix, v));
    }

    private String checked(String prefix, String value) {
      String key = "config key '" + prefix + name + "'";
      return switch (kind) {
        case PLAIN, DATE_TIME -> value;
        case URL -> UrlText.checked(prefix + name, value);
        case HEADER_VALUE -> {
          if (!HEADER_SAFE.matcher(value).matches()) {
            throw new InputException(key + " is sent as an HTTP header, so it may hold only"
                + " printable ASCII characters (no line breaks, tabs or other control characters)");
          }
          yield value;
        }
        case ENV_NAME -> {
          if (!ENV_NAME.matcher(value).matches()) {
            throw new InputException(key + " must be the name of an environment variable"
                + " (letters, digits and '_', not starting with a digit)");
          }
          yield value;
        }
      };
    }
  }

  /** A string from a closed list, compared without case. */
  record Choice(String name, List<String> values, String defaultValue, String description)
      implements Setting {

    @Override
    public String jsonType() {
      return "string";
    }

    @Override
    public Optional<String> shownDefault() {
      return Optional.of(defaultValue);
    }

    public String read(JsonNode parent, String prefix) {
      Optional<String> given = JsonValues.text(parent, name, prefix);
      if (given.isEmpty()) {
        return defaultValue;
      }
      String value = given.get().toLowerCase(Locale.ROOT);
      if (!values.contains(value)) {
        throw new InputException("config key '" + prefix + name + "' must be one of "
            + String.join(", ", values) + ", not '" + given.get() + "'");
      }
      return value;
    }
  }

  /**
   * An integer within a range. A JSON number or a numeric string; a fraction such as 50.7 is an
   * error, not rounded.
   */
  record Whole(String name, long defaultValue, long min, long max, String description)
      implements Setting {

    @Override
    public String jsonType() {
      return "integer";
    }

    @Override
    public Optional<String> shownDefault() {
      return Optional.of(Long.toString(defaultValue));
    }

    public long read(JsonNode parent) {
      Optional<BigDecimal> given = JsonValues.number(parent, name, "a number from " + min + " to "
          + max + " (a whole number)");
      if (given.isEmpty()) {
        return defaultValue;
      }
      BigDecimal value = given.get();
      if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
        throw new InputException("config key '" + name + "' must be a whole number from " + min
            + " to " + max + ", not " + value.toPlainString());
      }
      if (value.compareTo(BigDecimal.valueOf(min)) < 0
          || value.compareTo(BigDecimal.valueOf(max)) > 0) {
        throw new InputException("config key '" + name + "' must be from " + min + " to " + max
            + ", not " + JsonValues.show(value));
      }
      return value.longValueExact();
    }
  }

  /** A number within a range; a JSON number or a numeric string. */
  record Decimal(String name, double defaultValue, double min, double max, String description)
      implements Setting {
    @Override
    public String jsonType() {
      return "number";
    }

    @Override
    public Optional<String> shownDefault() {
      return Optional.of(JsonValues.show(BigDecimal.valueOf(defaultValue)));
    }

    public double read(JsonNode parent) {
      String range = JsonValues.show(BigDecimal.valueOf(min)) + " to "
          + JsonValues.show(BigDecimal.valueOf(max));
      Optional<BigDecimal> given = JsonValues.number(parent, name, "a number from " + range);
      if (given.isEmpty()) {
        return defaultValue;
      }
      BigDecimal value = given.get();
      if (value.compareTo(BigDecimal.valueOf(min)) < 0
          || value.compareTo(BigDecimal.valueOf(max)) > 0) {
        throw new InputException("config key '" + name + "' must be from " + range + ", not "
            + JsonValues.show(value));
      }
      return value.doubleValue();
    }
  }

  /** A list of strings, each matching {@code pattern} (described as {@code shape}). */
  record TextList(String name, Pattern pattern, String shape, String description)
      implements Setting {

    @Override
    public String jsonType() {
      return "array";
    }

    @Override
    public Optional<String> shownDefault() {
      return Optional.empty();
    }

    public Optional<List<String>> read(JsonNode parent, String prefix) {
      JsonNode node = parent.get(name);
      if (node == null || node.isNull()) {
        return Optional.empty();
      }
      String key = "config key '" + prefix + name + "'";
      if (!node.isArray()) {
        throw new InputException(key + " must be a list of strings such as " + shape);
      }
      List<String> out = new ArrayList<>();
      for (JsonNode item : node) {
        if (!item.isTextual() || !pattern.matcher(item.asText()).matches()) {
          throw new InputException(key + " must hold strings shaped like " + shape + "; item "
              + (out.size() + 1) + " is not");
        }
        out.add(item.asText());
      }
      return Optional.of(List.copyOf(out));
    }
  }

  /** A JSON object with settings of its own, named {@code group.member} in messages. */
  record Group(String name, List<Setting> members, String description) implements Setting {

    @Override
    public String jsonType() {
      return "object";
    }

    @Override
    public Optional<String> shownDefault() {
      return Optional.empty();
    }

    /** The object, or an empty one when the key is absent or null. */
    public JsonNode read(JsonNode parent) {
      JsonNode node = parent.get(name);
      if (node == null || node.isNull()) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      }
      if (!node.isObject()) {
        throw new InputException("config key '" + name + "' must be a JSON object");
      }
      for (var it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (members.stream().noneMatch(m -> m.name().equals(key))) {
          throw new InputException("config key '" + name + "' has an unknown key '"
              + clipped(key) + "'; expected "
              + String.join(", ", members.stream().map(Setting::name).toList()));
        }
      }
      return node;
    }

    private static String clipped(String key) {
      return key.length() <= 40 ? key : key.substring(0, 40) + "…";
    }
  }
}
