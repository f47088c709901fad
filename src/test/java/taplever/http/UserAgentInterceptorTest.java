package taplever.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class UserAgentInterceptorTest {

  @Test
  void replacesOkHttpsDefaultUserAgent() throws IOException, InterruptedException {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().body("{}").build());
      new OkHttpClient.Builder().addInterceptor(new UserAgentInterceptor("tap-lever/1.2.3")).build()
          .newCall(new Request.Builder().url(server.url("/")).build()).execute().close();
      assertEquals("tap-lever/1.2.3", server.takeRequest().getHeaders().get("User-Agent"));
    }
  }
}
