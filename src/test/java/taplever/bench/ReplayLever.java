package taplever.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import taplever.fake.FakeLever;

/**
 * The fake Lever's {@code /v1/opportunities} pages, rendered once and then served from memory, so
 * that a benchmark measures the client and not the fake (which shares the machine's two cores and
 * builds every page from its dataset on each request). Recorded by walking the fake exactly as a
 * client does: {@code confidentiality=all&limit=100}, then Lever's {@code next} token passed back
 * as {@code offset}, encoded once by HttpUrl. A request is matched on its path and its query
 * parameters in any order; anything else is a 404, counted in {@link #misses()}.
 */
final class ReplayLever implements AutoCloseable {
  static final int PAGE_SIZE = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, byte[]> pages;
  private final List<HttpUrl> walk;
  private final long opportunities;
  private final String authorization;
  private final HttpServer server;
  private final ExecutorService threads;
  private final AtomicLong served = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicReference<String> firstMiss = new AtomicReference<>();

  private ReplayLever(Map<String, byte[]> pages, List<HttpUrl> walk, long opportunities, String apiKey)
      throws IOException {
    this.pages = pages;
    this.walk = walk;
    this.opportunities = opportunities;
    this.authorization = Credentials.basic(apiKey, "");
    this.threads = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "replay-lever");
      t.setDaemon(true);
      return t;
    });
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
    server.createContext("/v1", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** Walks every opportunities page of {@code fake} (which can be closed afterwards) and serves them. */
  static ReplayLever capture(FakeLever fake, String apiKey) throws IOException {
    OkHttpClient http = new OkHttpClient();
    String authorization = Credentials.basic(apiKey, "");
    Map<String, byte[]> pages = new HashMap<>();
    List<HttpUrl> walk = new ArrayList<>();
    long opportunities = 0;
    HttpUrl base = HttpUrl.get(fake.baseUrl());
    String offset = null;
    try {
      do {
        HttpUrl url = opportunitiesPage(base, offset);
        try (Response r = http.newCall(new Request.Builder().url(url).header("Authorization", authorization)
            .build()).execute()) {
          if (r.code() != 200) {
            throw new IOException("the fake answered " + r.code() + " to " + url);
          }
          byte[] body = r.body().bytes();
          pages.put(key(url.encodedPath(), url.encodedQuery()), body);
          walk.add(url);
          JsonNode page = JSON.readTree(body);
          opportunities += page.path("data").size();
          offset = page.path("hasNext").asBoolean() && page.hasNonNull("next") ? page.get("next").asText() : null;
        }
      } while (offset != null);
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    return new ReplayLever(pages, walk, opportunities, apiKey);
  }

  /** The URL of the opportunities page after the one whose {@code next} was {@code offset}. */
  static HttpUrl opportunitiesPage(HttpUrl base, String offset) {
    HttpUrl.Builder url = base.newBuilder().addPathSegment("opportunities")
        .addQueryParameter("confidentiality", "all")
        .addQueryParameter("limit", Integer.toString(PAGE_SIZE));
    if (offset != null) {
      url.addQueryParameter("offset", offset);
    }
    return url.build();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** Opportunities across all pages. */
  long opportunities() {
    return opportunities;
  }

  /** The page URLs in walk order, on this server. */
  List<HttpUrl> pageUrls() {
    HttpUrl here = HttpUrl.get(baseUrl());
    return walk.stream().map(u -> u.newBuilder().scheme(here.scheme()).host(here.host()).port(here.port())
        .build()).toList();
  }

  long served() {
    return served.get();
  }

  long misses() {
    return misses.get();
  }

  /** The first request that had no page, or null. */
  String firstMiss() {
    return firstMiss.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] page = pages.get(key(exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery()));
      if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        send(exchange, 401, "{\"code\": \"Unauthorized\", \"message\": \"bad credentials\"}"
            .getBytes(StandardCharsets.UTF_8));
      } else if (page == null) {
        misses.incrementAndGet();
        firstMiss.compareAndSet(null, exchange.getRequestURI().toString());
        send(exchange, 404, "{\"code\": \"ResourceNotFound\", \"message\": \"not recorded\"}"
            .getBytes(StandardCharsets.UTF_8));
      } else {
        served.incrementAndGet();
        send(exchange, 200, page);
      }
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String key(String rawPath, String rawQuery) {
    String[] params = rawQuery == null ? new String[0] : rawQuery.split("&");
    Arrays.sort(params);
    return rawPath + "?" + String.join("&", params);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
