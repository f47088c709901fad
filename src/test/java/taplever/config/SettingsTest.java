package taplever.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry is the one list of settings: the README's table must say what it says. */
class SettingsTest {

  /** One row of a table: key, type, required, default, as the README writes them. */
  record Row(String key, String type, String required, String defaultValue) {}

  @Test
  void theReadmeConfigureTableListsEverySettingWithItsTypeRequirementAndDefault() throws IOException {
    List<Row> readme = configureTable(Files.readString(Path.of("README.md")));

    List<Row> registry = new ArrayList<>();
    for (Map.Entry<String, Setting> e : Settings.flattened()) {
      Setting s = e.getValue();
      registry.add(new Row(e.getKey(), s.jsonType(), Settings.REQUIRED.contains(s) ? "yes" : "",
          s.shownDefault().orElse("")));
    }
    List<Row> comparable = readme.stream().map(r -> new Row(r.key(), r.type(),
        r.required().equals("yes") ? "yes" : "", r.defaultValue())).toList();
    assertEquals(registry, comparable);
  }

  @Test
  void namesAndAliasesAreUnique() {
    List<String> all = new ArrayList<>();
    Settings.ALL.forEach(s -> {
      all.add(s.name());
      all.addAll(s.aliases());
    });
    assertEquals(all.size(), new HashSet<>(all).size(), all.toString());
  }

  @Test
  void theRegionChoicesAreTheRegions() {
    assertEquals(Arrays.stream(Region.values()).map(Region::configName).toList(),
        Settings.REGION.values());
  }

  @Test
  void credentialsAreTheSecretSettings() {
    Set<String> secret = new HashSet<>();
    Settings.flattened().stream().filter(e -> e.getValue().secret())
        .forEach(e -> secret.add(e.getKey()));
    assertEquals(Set.of("api_key", "client_secret", "refresh_token"), secret);
  }

  @Test
  void everyDefaultIsWithinItsOwnRange() {
    for (Setting s : Settings.ALL) {
      if (s instanceof Setting.Whole w) {
        assertTrue(w.min() <= w.defaultValue() && w.defaultValue() <= w.max(), w.name());
      } else if (s instanceof Setting.Decimal d) {
        assertTrue(d.min() <= d.defaultValue() && d.defaultValue() <= d.max(), d.name());
      } else if (s instanceof Setting.Choice c) {
        assertTrue(c.values().contains(c.defaultValue()), c.name());
      }
    }
  }

  /** The rows of the first table under "## Configure", backticks removed. */
  private static List<Row> configureTable(String readme) {
    int start = readme.indexOf("\n## Configure\n");
    assertTrue(start >= 0, "README has a Configure section");
    List<Row> rows = new ArrayList<>();
    boolean inTable = false;
    for (String line : readme.substring(start).split("\n")) {
      if (line.startsWith("|")) {
        inTable = true;
        String[] cells = line.split("\\|", -1);
        String key = cells[1].strip();
        if (key.equals("key") || key.startsWith("---")) {
          continue;
        }
        rows.add(new Row(plain(key), plain(cells[2]), plain(cells[3]), plain(cells[4])));
      } else if (inTable) {
        break;
      }
    }
    return rows;
  }

  private static String plain(String cell) {
    return cell.strip().replace("`", "");
  }
}
