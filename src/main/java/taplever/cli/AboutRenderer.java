package taplever.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import taplever.config.Setting;
import taplever.config.Settings;

/**
 * {@code --about}: what Meltano and people read to configure the tap, rendered from the
 * {@link Settings} registry, so it cannot disagree with what the loader accepts.
 */
final class AboutRenderer {
  static final String DESCRIPTION = "Singer tap for Lever's Data API v1: opportunities, their"
      + " applications, offers, feedback, notes and more, postings, requisitions, users.";
  static final List<String> CAPABILITIES =
      List.of("catalog", "discover", "state", "about", "properties");

  private AboutRenderer() {}

  static ObjectNode json(String version) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("name", "tap-lever");
    root.put("description", DESCRIPTION);
    root.put("version", version);
    root.put("commit", Version.commit());
    Version.modified().ifPresentOrElse(m -> root.put("tree_modified", m),
        () -> root.putNull("tree_modified"));
    ArrayNode caps = root.putArray("capabilities");
    CAPABILITIES.forEach(caps::add);
    ObjectNode settings = root.putObject("settings");
    settings.put("type", "object");
    ObjectNode props = settings.putObject("properties");
    Settings.ALL.forEach(s -> schema(props.putObject(s.name()), s));
    ArrayNode required = settings.putArray("required");
    Settings.ALL.stream().filter(Settings.REQUIRED::contains).forEach(s -> required.add(s.name()));
    return root;
  }

  /** One setting as a JSON Schema property. */
  private static void schema(ObjectNode p, Setting s) {
    p.put("type", s.jsonType());
    p.put("description", s.description());
    if (s.secret()) {
      p.put("secret", true);
      p.put("writeOnly", true);
    }
    if (s instanceof Setting.Text t) {
      List<String> formats = t.kind().formats();
      if (formats.size() == 1) {
        p.put("format", formats.get(0));
      } else if (formats.size() > 1) {
        ArrayNode anyOf = p.putArray("anyOf");
        formats.forEach(format -> anyOf.addObject().put("format", format));
      }
      t.shownDefault().ifPresent(d -> p.put("default", d));
    } else if (s instanceof Setting.Choice c) {
      ArrayNode values = p.putArray("enum");
      c.values().forEach(values::add);
      p.put("default", c.defaultValue());
    } else if (s instanceof Setting.Whole w) {
      p.put("minimum", w.min());
      p.put("maximum", w.max());
      p.put("default", w.defaultValue());
    } else if (s instanceof Setting.Decimal d) {
      number(p, "minimum", d.min());
      number(p, "maximum", d.max());
      number(p, "default", d.defaultValue());
    } else if (s instanceof Setting.TextList l) {
      ObjectNode items = p.putObject("items");
      items.put("type", "string");
      items.put("pattern", l.pattern().pattern());
    } else if (s instanceof Setting.Group g) {
      ObjectNode members = p.putObject("properties");
      g.members().forEach(m -> schema(members.putObject(m.name()), m));
      p.put("additionalProperties", false);
    }
  }

  private static void number(ObjectNode p, String name, double value) {
    if (value == Math.rint(value)) {
      p.put(name, (long) value);
    } else {
      p.put(name, value);
    }
  }

  static String markdown(String version) {
    StringBuilder md = new StringBuilder();
    md.append("# tap-lever ").append(version).append("\n\n").append(DESCRIPTION).append("\n\n");
    md.append("Built from ").append(Version.provenance()).append(".\n\n");
    md.append("## Capabilities\n\n");
    CAPABILITIES.forEach(c -> md.append("- ").append(c).append('\n'));
    md.append("\n## Settings\n\n| Setting | Type | Secret | Default | Description |\n"
        + "|---|---|---|---|---|\n");
    for (Map.Entry<String, Setting> row : Settings.flattened()) {
      Setting s = row.getValue();
      md.append("| `").append(row.getKey()).append("` | ").append(s.jsonType()).append(" | ")
          .append(s.secret() ? "yes" : "").append(" | ")
          .append(s.shownDefault().map(d -> "`" + d + "`").orElse("")).append(" | ")
          .append(s.description()).append(" |\n");
    }
    md.append("\nCredentials: `api_key`, or `client_id` + `client_secret` + `refresh_token`.\n");
    return md.toString();
  }
}
