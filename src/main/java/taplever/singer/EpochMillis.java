package taplever.singer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Lever's instants are epoch milliseconds: a number, or digits in a string (a quirk of its docs).
 * One rule wherever the tap reads one, so a record's timestamp, its replication key and a field
 * definition never disagree on the same value: a number or digit string whose whole part fits a
 * long is that many milliseconds (a fraction is dropped); anything else, a number beyond a long
 * included, is no instant ({@code null}), and the caller decides what that means.
 */
public final class EpochMillis {
  private static final Pattern DIGITS = Pattern.compile("-?[0-9]{1,19}");
  /** 2^63: a double below it in magnitude converts to a long without clamping. */
  private static final double LONG_RANGE = 0x1p63;

  private EpochMillis() {}

  /** The parser's current value (the parser is not moved). */
  public static Long read(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case VALUE_NUMBER_INT ->
          p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? null : p.getLongValue();
      // A double, not a BigDecimal: 1e-999999999 must not cost a billion-digit division.
      case VALUE_NUMBER_FLOAT -> whole(p.getDoubleValue());
      case VALUE_STRING -> parse(p.getText());
      default -> null;
    };
  }

  public static Long read(JsonNode v) {
    if (v.isIntegralNumber()) {
      return v.canConvertToLong() ? v.longValue() : null;
    }
    if (v.isNumber()) {
      return whole(v.doubleValue());
    }
    return v.isTextual() ? parse(v.textValue()) : null;
  }

  /** Digits in a string, spaces around them ignored. */
  public static Long parse(String text) {
    String digits = text.strip();
    if (!DIGITS.matcher(digits).matches()) {
      return null;
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException beyondALong) {
      return null;
    }
  }

  private static Long whole(double d) {
    return d > -LONG_RANGE && d < LONG_RANGE ? (long) d : null;
  }
}
