package taplever.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import taplever.testing.TapRun;

/** --version and --about say which commit the build came from, as the build wrote it down. */
class VersionTest {
  private static Properties built() throws Exception {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("/tap-lever-version.properties")) {
      p.load(in);
    }
    return p;
  }

  @Test
  void theBuildRecordedACommitIdOrSaidItDidNotKnowIt() throws Exception {
    Properties p = built();
    assertTrue(p.getProperty("commit").matches("[0-9a-f]{40}|unknown"), p::toString);
    assertTrue(p.getProperty("modified").matches("true|false"), p::toString);
  }

  @Test
  void versionNamesTheCommitAndWhetherTheTreeWasModified() throws Exception {
    Properties p = built();
    TapRun run = TapRun.of("--version");

    assertEquals(0, run.exitCode(), run::toString);
    String commit = p.getProperty("commit");
    boolean modified = !commit.equals("unknown") && Boolean.parseBoolean(p.getProperty("modified"));
    assertEquals("tap-lever " + p.getProperty("version") + " (commit " + commit
        + (modified ? ", modified tree" : "") + ")\n", run.stdout());
  }

  @Test
  void aboutGivesTheSameFactsInJsonAndMarkdown() throws Exception {
    JsonNode about = new ObjectMapper().readTree(TapRun.of("--about", "--format", "json").stdout());
    assertEquals(Version.current(), about.get("version").asText());
    assertEquals(Version.commit(), about.get("commit").asText());
    assertEquals(Version.modified().map(String::valueOf).orElse("null"), about.get("tree_modified").toString());

    String markdown = TapRun.of("--about").stdout();
    assertTrue(markdown.startsWith("# tap-lever " + Version.current() + "\n"), markdown);
    assertTrue(markdown.contains("\nBuilt from " + Version.provenance() + ".\n"), markdown);
  }
}
