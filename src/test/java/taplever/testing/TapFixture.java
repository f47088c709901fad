package taplever.testing;

import java.nio.file.Path;
import mockwebserver3.MockWebServer;

/** Config and catalog files for a tap pointed at a MockWebServer. */
public final class TapFixture {
  public static final String API_KEY = "sk-test-SECRET-7f3a";
  private final TempFiles files;
  private final MockWebServer server;

  public TapFixture(Path dir, MockWebServer server) {
    this.files = new TempFiles(dir);
    this.server = server;
  }

  /** A config reaching the server fast: no rate limit worth speaking of, short retries. */
  public Path config(String extraJson) {
    return files.write("config.json", "{\"api_key\": \"" + API_KEY + "\", \"start_date\":"
        + " \"2020-01-01T00:00:00Z\", \"base_url\": \"" + server.url("/v1") + "\","
        + " \"requests_per_second\": 1000, \"burst\": 1000, \"max_retry_seconds\": 2, \"read_timeout_seconds\": 5"
        + (extraJson.isEmpty() ? "" : ", " + extraJson) + "}");
  }

  public Path config() {
    return config("");
  }

  /** A catalog selecting exactly these streams, every field. */
  public Path catalog(String... streams) {
    return files.write("catalog.json", Catalogs.selecting(streams));
  }


  public Path file(String name, String content) {
    return files.write(name, content);
  }
}
