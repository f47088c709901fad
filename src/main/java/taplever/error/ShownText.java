package taplever.error;

import java.util.Locale;

/**
 * Text the tap did not write (Lever's field names, ids, values and error bodies, a state file's
 * entries) made safe to show inside one line of stderr: it can neither start a line of its own,
 * nor reorder what a terminal shows, nor fill the screen.
 *
 * <p>Escaped: {@code \n}, {@code \r} and {@code \t} as those two characters; every other control
 * (C0, DEL, C1: NUL, ESC, NEL...), format character (the bidi marks, embeddings, overrides and
 * isolates U+061C, U+200E/F, U+202A–E, U+2066–9, zero-width characters, U+FEFF...), the line and
 * paragraph separators U+2028/9 and a surrogate without its pair as {@code \}{@code uXXXX} (a
 * character beyond U+FFFF as its two surrogates), as a JSON or Java string would write them.
 * A backslash stays a backslash: escaping it too would make {@code \n} from Lever read as a
 * newline it never was, but it would also make escaping twice change the text, and messages are
 * escaped where Lever's text enters them and again where they are printed. Left as it is, escaping
 * is idempotent, and no line can be forged either way.
 *
 * <p>The shown text is cut at a maximum number of code points (an escape counts as its length),
 * never inside a surrogate pair or an escape, and then says how many code points of the original
 * were left out: {@code …(+1234 chars)}.
 */
public final class ShownText {
  /** The default maximum: a field name or path, an id, a value. */
  public static final int NAME = 200;
  /** A whole message, such as the one line an error ends the run with. */
  public static final int MESSAGE = 2_000;

  private ShownText() {}

  /** {@code untrusted} escaped and cut at {@link #NAME} code points; "null" for null. */
  public static String of(String untrusted) {
    return of(untrusted, NAME);
  }

  /** {@code untrusted} escaped and cut at {@code max} code points; "null" for null. */
  public static String of(String untrusted, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive, not " + max);
    }
    if (untrusted == null) {
      return "null";
    }
    if (plain(untrusted, max)) {
      return untrusted;
    }
    StringBuilder out = new StringBuilder(Math.min(untrusted.length(), max) + 24);
    int shown = 0;
    int i = 0;
    while (i < untrusted.length()) {
      int c = untrusted.codePointAt(i);
      String escape = escape(c);
      int width = escape == null ? 1 : escape.length();
      if (shown + width > max) {
        break;
      }
      if (escape == null) {
        out.appendCodePoint(c);
      } else {
        out.append(escape);
      }
      shown += width;
      i += Character.charCount(c);
    }
    if (i < untrusted.length()) {
      out.append("…(+").append(untrusted.codePointCount(i, untrusted.length())).append(" chars)");
    }
    return out.toString();
  }

  /** Nothing to escape and short enough: the common case, answered without copying. */
  private static boolean plain(String text, int max) {
    if (text.length() > max) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // A surrogate, even of a pair, says no: the loop in of() reads whole code points.
      if (c < 0x20 || (c >= 0x7F && escape(c) != null)) {
        return false;
      }
    }
    return true;
  }

  /** How {@code c} is shown when not as itself; null when it is shown as itself. */
  private static String escape(int c) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        break;
    }
    switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR, Character.SURROGATE:
        break;
      default:
        return null;
    }
    if (Character.isBmpCodePoint(c)) {
      return unicode(c);
    }
    return unicode(Character.highSurrogate(c)) + unicode(Character.lowSurrogate(c));
  }

  private static String unicode(int c) {
    String hex = Integer.toHexString(c).toUpperCase(Locale.ROOT);
    return "\\u" + "0".repeat(4 - hex.length()) + hex;
  }
}
