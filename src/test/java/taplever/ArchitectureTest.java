package taplever;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import taplever.streams.LeverStreams;

/** Keeps the dependency direction of the design: cli → sync → the rest → error; fake alone. */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/taplever");
  private static final Map<String, Set<String>> ALLOWED = Map.of(
      "cli", Set.of("sync", "catalog", "streams", "http", "singer", "config", "error", "fake"),
      "sync", Set.of("catalog", "streams", "http", "singer", "config", "error"),
      "catalog", Set.of("streams", "error"),
      "streams", Set.of("error"),
      "http", Set.of("config", "error"),
      "singer", Set.of("error"),
      "config", Set.of("error"),
      "error", Set.of(),
      "fake", Set.of());
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?taplever\\.(\\w+)\\.", Pattern.MULTILINE);

  @Test
  void packagesImportOnlyWhatTheDesignAllows() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      String pkg = MAIN.relativize(file).getName(0).toString();
      Matcher m = IMPORT.matcher(Files.readString(file));
      while (m.find()) {
        String target = m.group(1);
        if (!target.equals(pkg) && !ALLOWED.getOrDefault(pkg, Set.of()).contains(target)) {
          violations.add(MAIN.relativize(file) + " imports taplever." + target);
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void theEngineNeverNamesAStream() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      if (!MAIN.relativize(file).getName(0).toString().equals("sync")) {
        continue;
      }
      String code = Files.readString(file);
      for (String stream : LeverStreams.BY_NAME.keySet()) {
        if (code.contains("\"" + stream + "\"")) {
          violations.add(file.getFileName() + " names " + stream);
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  /**
   * Lever's field and parameter names are facts about Lever: they live on the stream
   * declarations (streams), so the engine and the CLI read them from there and a newcomer finds
   * them in one place.
   */
  @Test
  void leversFieldAndParameterNamesLiveOnTheDeclarationsNotInTheEngineOrTheCli()
      throws IOException {
    List<String> facts = List.of("confidentiality", "createdAt", "updatedAt", "id", "expand",
        "archived", "include", "includeDeactivated", "date", "value", "identifier", "subfields");
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      String pkg = MAIN.relativize(file).getName(0).toString();
      if (!pkg.equals("sync") && !pkg.equals("cli") && !pkg.equals("catalog")) {
        continue;
      }
      String code = Files.readString(file);
      for (String fact : facts) {
        if (code.contains("\"" + fact + "\"")) {
          violations.add(MAIN.relativize(file) + " names \"" + fact + "\"");
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void onlyTheWriterAndTheFakesPrinterTouchStdout() throws IOException {
    List<String> users = new ArrayList<>();
    for (Path file : sources()) {
      if (Files.readString(file).matches("(?s).*System\\.out\\.(print|write).*")) {
        users.add(MAIN.relativize(file).toString());
      }
    }
    assertEquals(List.of(), users, "Singer messages go through SingerWriter only");
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }
}
