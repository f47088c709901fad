package taplever.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A minimal Lever client for the fake's own tests: JDK HttpClient plus a raw-socket GET. */
final class FakeLeverClient {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final String KEY = basic("fake-api-key");

  private FakeLeverClient() {}

  record Reply(int status, JsonNode body, HttpHeaders headers) {}

  record RawReply(int status, int declaredLength, byte[] body, boolean anyBytes) {
    boolean complete() {
      return status == 200 && body.length == declaredLength;
    }

    String kind() {
      if (!anyBytes) {
        return "dropped";
      }
      return status >= 500 ? "5xx" : body.length < declaredLength ? "truncated" : "ok";
    }
  }

  static Reply get(FakeLever lever, String pathAndQuery, String auth) throws Exception {
    String base = "http://127.0.0.1:" + lever.port();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery));
    if (auth != null) {
      request.header("Authorization", auth);
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), JSON.readTree(response.body()), response.headers());
  }

  /** Follows {@code next} until {@code hasNext} is false, passing it back as a normal parameter. */
  static List<JsonNode> walk(FakeLever lever, String path, String query, List<String> tokens)
      throws Exception {
    List<JsonNode> records = new ArrayList<>();
    String offset = null;
    for (int page = 0; page < 1_000; page++) {
      String q =
          query + (offset == null ? "" : (query.isEmpty() ? "" : "&") + "offset=" + encode(offset));
      Reply reply = get(lever, "/v1" + path + (q.isEmpty() ? "" : "?" + q), KEY);
      assertEquals(200, reply.status(), reply.body().toString());
      reply.body().get("data").forEach(records::add);
      if (!reply.body().get("hasNext").asBoolean()) {
        return records;
      }
      offset = reply.body().get("next").asText();
      if (tokens != null) {
        tokens.add(offset);
      }
    }
    throw new AssertionError("pagination did not end");
  }

  /** One request on its own connection, read byte by byte so broken answers stay visible. */
  static RawReply rawGet(FakeLever lever, String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", lever.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                  + KEY
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) > 0; ) {
          received.write(buffer, 0, n);
        }
      } catch (IOException e) {
        // connection reset: keep what arrived
      }
      byte[] all = received.toByteArray();
      if (all.length == 0) {
        return new RawReply(0, 0, all, false);
      }
      String text = new String(all, StandardCharsets.ISO_8859_1);
      int headerEnd = text.indexOf("\r\n\r\n");
      int status = Integer.parseInt(text.substring(9, 12));
      int length = 0;
      for (String line : text.substring(0, headerEnd).split("\r\n")) {
        if (line.toLowerCase().startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      byte[] body = java.util.Arrays.copyOfRange(all, headerEnd + 4, all.length);
      return new RawReply(status, length, body, true);
    }
  }

  static Reply refresh(FakeLever lever, String clientId, String secret, String token)
      throws Exception {
    return postForm(
        lever,
        "grant_type=refresh_token&client_id="
            + encode(clientId)
            + "&client_secret="
            + encode(secret)
            + "&refresh_token="
            + encode(token));
  }

  static Reply postForm(FakeLever lever, String form) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(lever.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), JSON.readTree(response.body()), response.headers());
  }

  static String basic(String key) {
    return "Basic " + b64(key + ":");
  }

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
