package taplever.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The ceiling the tap's throughput is held to: the least a program can do to turn Lever's
 * opportunities pages into Singer RECORD lines. One OkHttp call per page (API key auth,
 * {@code limit=100}, Lever's {@code next} passed back as {@code offset}, encoded once by HttpUrl),
 * and Jackson's streaming parser copied token by token into a generator: no tree, no schema, no
 * state, no retries, no field converted. Run as its own process, like the tap:
 *
 * <pre>java -cp TEST_CLASSPATH taplever.bench.MinimalStreamingTap BASE_URL API_KEY &gt; out.jsonl</pre>
 */
final class MinimalStreamingTap {
  private final OkHttpClient http;
  private final HttpUrl base;
  private final String authorization;
  private final Clock clock;
  private final JsonFactory json = new JsonFactory();

  MinimalStreamingTap(OkHttpClient http, HttpUrl base, String apiKey, Clock clock) {
    this.http = http;
    this.base = base;
    this.authorization = Credentials.basic(apiKey, "");
    this.clock = clock;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: MinimalStreamingTap BASE_URL API_KEY");
      System.exit(2);
    }
    OkHttpClient http = new OkHttpClient();
    try (OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16)) {
      new MinimalStreamingTap(http, HttpUrl.get(args[0]), args[1], Clock.systemUTC()).copyAll(stdout);
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** Writes a RECORD line per opportunity of every page; returns how many. */
  long copyAll(OutputStream sink) throws IOException {
    long records = 0;
    try (JsonGenerator out = json.createGenerator(sink)) {
      out.setRootValueSeparator(null);
      String offset = null;
      do {
        HttpUrl url = ReplayLever.opportunitiesPage(base, offset);
        Request request = new Request.Builder().url(url).header("Authorization", authorization).build();
        try (Response response = http.newCall(request).execute();
            JsonParser page = json.createParser(response.body().byteStream())) {
          if (response.code() != 200) {
            throw new IOException("HTTP " + response.code() + " for " + url);
          }
          String extracted = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
          offset = null;
          boolean hasNext = false;
          page.nextToken(); // the page object
          while (page.nextToken() == JsonToken.FIELD_NAME) {
            String field = page.currentName();
            JsonToken value = page.nextToken();
            if (field.equals("data") && value == JsonToken.START_ARRAY) {
              while (page.nextToken() == JsonToken.START_OBJECT) {
                writeRecord(page, out, extracted);
                records++;
              }
            } else if (field.equals("next") && value == JsonToken.VALUE_STRING) {
              offset = page.getText();
            } else if (field.equals("hasNext")) {
              hasNext = value == JsonToken.VALUE_TRUE;
            } else {
              page.skipChildren();
            }
          }
          if (!hasNext) {
            offset = null;
          }
        }
        out.flush();
      } while (offset != null);
    }
    return records;
  }

  private static void writeRecord(JsonParser page, JsonGenerator out, String extracted) throws IOException {
    out.writeStartObject();
    out.writeStringField("type", "RECORD");
    out.writeStringField("stream", "opportunities");
    out.writeFieldName("record");
    out.copyCurrentStructure(page);
    out.writeStringField("time_extracted", extracted);
    out.writeEndObject();
    out.writeRaw('\n');
  }
}
