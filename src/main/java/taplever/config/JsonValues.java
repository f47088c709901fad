package taplever.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;
import taplever.error.InputException;

/** The JSON shapes config values come in, read with the messages {@link Setting}s share. */
final class JsonValues {
  private static final Pattern NUMERIC = Pattern.compile("[0-9]+(\\.[0-9]+)?");

  private JsonValues() {}

  /** A string, stripped; absent or null is empty, blank or another type an error. */
  static Optional<String> text(JsonNode parent, String key, String prefix) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw new InputException("config key '" + prefix + key + "' must be a string");
    }
    String value = node.asText().strip();
    if (value.isEmpty()) {
      throw new InputException("config key '" + prefix + key + "' is empty");
    }
    return Optional.of(value);
  }

  /** A JSON number or a numeric string, exactly; {@code expected} completes "must be ...". */
  static Optional<BigDecimal> number(JsonNode parent, String key, String expected) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (node.isNumber() && Double.isFinite(node.asDouble())) {
      return Optional.of(node.decimalValue());
    }
    if (node.isTextual() && NUMERIC.matcher(node.asText().strip()).matches()) {
      return Optional.of(new BigDecimal(node.asText().strip()));
    }
    throw new InputException("config key '" + key + "' must be " + expected);
  }

  /** 10 rather than 10.0 or 1E+1. */
  static String show(BigDecimal d) {
    BigDecimal plain = d.stripTrailingZeros();
    return plain.scale() <= 0 ? plain.toBigInteger().toString() : plain.toPlainString();
  }
}
