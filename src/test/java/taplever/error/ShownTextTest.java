package taplever.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShownTextTest {

  @Test
  void plainTextIsShownAsItIs() {
    String name = "urls.brandNewNested";
    assertSame(name, ShownText.of(name));
    assertEquals("Zoë Ångström, 日本語, 😀 and a \\ backslash", ShownText.of(
        "Zoë Ångström, 日本語, 😀 and a \\ backslash"));
  }

  @Test
  void lineBreaksAndTabsBecomeTheirUsualEscapes() {
    assertEquals("a\\r\\nFAKE LOG LINE\\tx", ShownText.of("a\r\nFAKE LOG LINE\tx"));
  }

  @Test
  void otherControlsBecomeUnicodeEscapes() {
    assertEquals("x\\u0000y", ShownText.of("x\u0000y"));
    assertEquals("\\u001B[31mred\\u001B[0m", ShownText.of("\u001b[31mred\u001b[0m"));
    assertEquals("\\u000B\\u000C\\u007F\\u0085\\u009B", ShownText.of("\u000b\u000c\u007f\u0085\u009b"));
  }

  @Test
  void bidiAndOtherFormatCharactersAndSeparatorsBecomeUnicodeEscapes() {
    assertEquals("\\u202Eevil", ShownText.of("\u202Eevil"));
    String all = "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069"
        + "\u2028\u2029\uFEFF\u200B\u00AD";
    assertEquals("\\u061C\\u200E\\u200F\\u202A\\u202B\\u202C\\u202D\\u202E\\u2066\\u2067\\u2068"
        + "\\u2069\\u2028\\u2029\\uFEFF\\u200B\\u00AD", ShownText.of(all));
  }

  @Test
  void aFormatCharacterBeyondTheBmpIsShownAsItsTwoSurrogates() {
    assertEquals("tag\\uDB40\\uDC01", ShownText.of("tag" + new String(Character.toChars(0xE0001))));
  }

  @Test
  void aSurrogateWithoutItsPairIsEscaped() {
    assertEquals("\\uD800x", ShownText.of("\uD800x"));
    assertEquals("x\\uDC00", ShownText.of("x\uDC00"));
  }

  @Test
  void noCodePointIsShownAsACharacterThatCouldBreakOrReorderALine() {
    List<String> leaks = new ArrayList<>();
    for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
      String shown = ShownText.of("a" + new String(Character.toChars(c)) + "b");
      if (!printable(shown)) {
        leaks.add(Integer.toHexString(c));
      }
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void escapingTwiceChangesNothing() {
    String nasty = "a\r\nb\u0000c\u202Ed\\ne\uD800f" + "g".repeat(300);
    String once = ShownText.of(nasty);
    assertEquals(once, ShownText.of(once, ShownText.MESSAGE));
  }

  @Test
  void longTextIsCutAndSaysHowMuchWasLeftOut() {
    assertEquals("a".repeat(200) + "…(+100 chars)", ShownText.of("a".repeat(300)));
    assertEquals("abc…(+7 chars)", ShownText.of("abcdefghij", 3));
    assertEquals("a".repeat(200), ShownText.of("a".repeat(200)));
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    String emoji = "😀".repeat(150);
    assertEquals(emoji, ShownText.of(emoji), "150 code points fit in 200");
    String cut = ShownText.of(emoji, 100);
    assertEquals("😀".repeat(100) + "…(+50 chars)", cut);
    assertTrue(printable(ShownText.of("a" + emoji, 2)));
    assertEquals("a😀…(+149 chars)", ShownText.of("a" + emoji, 2));
  }

  @Test
  void aCutNeverSplitsAnEscapeAndCountsItsLength() {
    assertEquals("a".repeat(198) + "…(+1 chars)", ShownText.of("a".repeat(198) + "\u0000"));
    assertEquals("a".repeat(194) + "\\u0000", ShownText.of("a".repeat(194) + "\u0000"));
  }

  @Test
  void aHugeValueStaysBounded() {
    String shown = ShownText.of("\u0000".repeat(1_000_000), 500);
    assertTrue(shown.length() < 500 + 20, shown.length() + " chars");
    assertTrue(shown.endsWith("…(+999917 chars)"), shown);
  }

  @Test
  void nullIsShownAsNullAndTheMaximumMustBePositive() {
    assertEquals("null", ShownText.of(null));
    assertThrows(IllegalArgumentException.class, () -> ShownText.of("x", 0));
  }

  /** No control, format, separator or lone surrogate: nothing that breaks or reorders a line. */
  private static boolean printable(String shown) {
    for (int i = 0; i < shown.length(); ) {
      int c = shown.codePointAt(i);
      switch (Character.getType(c)) {
        case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR,
            Character.PARAGRAPH_SEPARATOR, Character.SURROGATE:
          return false;
        default:
          break;
      }
      i += Character.charCount(c);
    }
    assertFalse(shown.isEmpty());
    return true;
  }
}
