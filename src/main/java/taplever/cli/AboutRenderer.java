package taplever.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** {@code --about}: what Meltano and people read to configure the tap. */
final class AboutRenderer {
  static final String DESCRIPTION = "Singer tap for Lever's Data API v1: opportunities, their"
      + " applications, offers, feedback, notes and more, postings, requisitions, users.";
  static final List<String> CAPABILITIES =
      List.of("catalog", "discover", "state", "about", "properties");

  /** One config key: its JSON type, whether it is a credential, and what it means. */
  record Setting(String name, String type, boolean secret, String description, Object defaultValue,
      String format) {}

  static final List<Setting> SETTINGS = List.of(
      new Setting("api_key", "string", true, "Lever API key (Settings > Integrations and API >"
          + " API Credentials). 'token' is accepted as an alias.", null, null),
      new Setting("client_id", "string", false, "OAuth client id of a Lever partner app (instead of"
          + " api_key).", null, null),
      new Setting("client_secret", "string", true, "OAuth client secret.", null, null),
      new Setting("refresh_token", "string", true, "OAuth refresh token; 'tap-lever login' writes it,"
          + " and the tap writes every rotated one back into the config file.", null, null),
      new Setting("token_url", "string", false, "OAuth token URL; defaults to the region's.", null,
          "uri"),
      new Setting("authorize_url", "string", false, "OAuth authorize URL for 'tap-lever login';"
          + " defaults to the region's.", null, "uri"),
      new Setting("scopes", "string", false, "Space-separated OAuth scopes for 'tap-lever login';"
          + " defaults to what the selected streams need.", null, null),
      new Setting("start_date", "string", false, "RFC3339 instant: records whose replication key is"
          + " older are not synced.", null, "date-time"),
      new Setting("user_agent", "string", false, "User-Agent sent to Lever; put a contact in it.",
          "tap-lever/<version>", null),
      new Setting("region", "string", false, "us, eu or sandbox: which Lever host to use.", "us", null),
      new Setting("base_url", "string", false, "Overrides region (https; plain http only to"
          + " loopback, for the fake server).", null, "uri"),
      new Setting("page_size", "integer", false, "Records per page, 1-100.", 100, null),
      new Setting("max_concurrency", "integer", false, "Parallel child requests.", 8, null),
      new Setting("requests_per_second", "number", false, "Client-side rate limit (Lever allows 10"
          + " per key).", 10, null),
      new Setting("burst", "integer", false, "Requests allowed at once above the steady rate (Lever allows 20; 18 leaves room for network jitter).", 18,
          null),
      new Setting("max_retry_seconds", "integer", false, "How long to retry 429, 5xx and network"
          + " errors before failing.", 300, null),
      new Setting("connect_timeout_seconds", "integer", false, "TCP/TLS connect timeout.", 10, null),
      new Setting("read_timeout_seconds", "integer", false, "Read timeout per response.", 60, null),
      new Setting("child_lookback_days", "integer", false, "Child streams re-read the children of"
          + " opportunities updated this many days before the bookmark (Lever does not bump"
          + " updatedAt for offer status changes or feedback edits).", 1, null),
      new Setting("child_full_refresh_days", "integer", false, "Every this many days, child streams"
          + " re-read the children of every opportunity; 0 disables.", 7, null));

  static ObjectNode json(String version) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("name", "tap-lever");
    root.put("description", DESCRIPTION);
    root.put("version", version);
    ArrayNode caps = root.putArray("capabilities");
    CAPABILITIES.forEach(caps::add);
    ObjectNode settings = root.putObject("settings");
    settings.put("type", "object");
    ObjectNode props = settings.putObject("properties");
    for (Setting s : SETTINGS) {
      ObjectNode p = props.putObject(s.name());
      p.put("type", s.type());
      p.put("description", s.description());
      if (s.format() != null) {
        p.put("format", s.format());
      }
      if (s.secret()) {
        p.put("secret", true);
        p.put("writeOnly", true);
      }
      if (s.defaultValue() instanceof Integer i) {
        p.put("default", i);
      } else if (s.defaultValue() instanceof String str) {
        p.put("default", str);
      }
    }
    settings.putArray("required").add("start_date");
    return root;
  }

  static String markdown(String version) {
    StringBuilder md = new StringBuilder();
    md.append("# tap-lever ").append(version).append("\n\n").append(DESCRIPTION).append("\n\n");
    md.append("## Capabilities\n\n");
    CAPABILITIES.forEach(c -> md.append("- ").append(c).append('\n'));
    md.append("\n## Settings\n\n| Setting | Type | Secret | Default | Description |\n|---|---|---|---|---|\n");
    for (Setting s : SETTINGS) {
      md.append("| `").append(s.name()).append("` | ").append(s.type()).append(" | ")
          .append(s.secret() ? "yes" : "").append(" | ")
          .append(s.defaultValue() == null ? "" : "`" + s.defaultValue() + "`").append(" | ")
          .append(s.description()).append(" |\n");
    }
    md.append("\nCredentials: `api_key`, or `client_id` + `client_secret` + `refresh_token`.\n");
    return md.toString();
  }
}
