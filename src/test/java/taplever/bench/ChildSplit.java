package taplever.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end-of-run summary's split of child requests by why they were made (the parent changed, is
 * live, or was due in the rolling refresh), read from the tap's stderr. Engines before the rolling
 * refresh print no such line; then there is no split. The wording is the engine's, so this takes
 * the last line that mentions child requests and names all three reasons (on it or on the four
 * lines below), each next to a number, written either "changed 12, live 3, rolling 40" or
 * "12 changed, 3 live, 40 rolling".
 */
record ChildSplit(long changed, long live, long rolling) {
  private static final List<String> REASONS = List.of("changed", "live", "rolling");
  private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*");

  static Optional<ChildSplit> from(String stderr) {
    Optional<ChildSplit> last = Optional.empty();
    List<String> lines = List.of(stderr.split("\n"));
    for (int k = 0; k < lines.size(); k++) {
      if (lines.get(k).toLowerCase(Locale.ROOT).contains("child request")) {
        // A table may put the reasons on the lines below its heading.
        String text = String.join(" ", lines.subList(k, Math.min(lines.size(), k + 5)));
        Optional<ChildSplit> split = parsed(text.toLowerCase(Locale.ROOT));
        if (split.isPresent()) {
          last = split;
        }
      }
    }
    return last;
  }

  private static Optional<ChildSplit> parsed(String text) {
    int phrase = text.indexOf("child request");
    int[] at = new int[REASONS.size()];
    for (int i = 0; i < at.length; i++) {
      Matcher w = Pattern.compile("\\b" + REASONS.get(i) + "\\b").matcher(text);
      if (!w.find(phrase)) {
        return Optional.empty();
      }
      at[i] = w.start();
    }
    int first = Math.min(at[0], Math.min(at[1], at[2]));
    boolean numberFirst = NUMBER.matcher(text.substring(phrase, first)).find();
    long[] n = new long[at.length];
    for (int i = 0; i < at.length; i++) {
      Optional<Long> v = numberFirst ? lastNumber(text.substring(phrase, at[i]))
          : firstNumber(text.substring(at[i] + REASONS.get(i).length()));
      if (v.isEmpty()) {
        return Optional.empty();
      }
      n[i] = v.get();
    }
    return Optional.of(new ChildSplit(n[0], n[1], n[2]));
  }

  private static Optional<Long> firstNumber(String s) {
    Matcher m = NUMBER.matcher(s);
    return m.find() ? Optional.of(parse(m.group())) : Optional.empty();
  }

  private static Optional<Long> lastNumber(String s) {
    Matcher m = NUMBER.matcher(s);
    Long found = null;
    while (m.find()) {
      found = parse(m.group());
    }
    return Optional.ofNullable(found);
  }

  private static long parse(String digits) {
    return Long.parseLong(digits.replace(",", ""));
  }

  long total() {
    return changed + live + rolling;
  }
}
