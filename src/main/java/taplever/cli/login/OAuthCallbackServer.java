package taplever.cli.login;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.HttpUrl;
import taplever.error.InputException;
import taplever.error.LeverApiException;
import taplever.runtime.DaemonThreads;

/**
 * The loopback end of the OAuth redirect: {@code http://127.0.0.1:PORT/callback}. Requests whose
 * {@code state} does not match get an error page and are otherwise ignored; the first one that
 * matches is the answer. The browser that brought a code waits for {@link #finish} so its page
 * tells the truth about the token exchange.
 */
final class OAuthCallbackServer implements AutoCloseable {
  static final String PATH = "/callback";
  static final String ENDPOINT = "/authorize";
  private static final Duration EXCHANGE_WAIT = Duration.ofMinutes(2);

  /** What Lever sent back: a code, or an error (RFC 6749 §4.1.2.1). */
  private record Answer(String code, String error, String description) {}

  private final HttpServer server;
  private final ExecutorService handlers;
  private final byte[] expectedState;
  private final CompletableFuture<Answer> answer = new CompletableFuture<>();
  private final CompletableFuture<Boolean> outcome = new CompletableFuture<>();
  private final CountDownLatch answered = new CountDownLatch(1);

  private OAuthCallbackServer(HttpServer server, ExecutorService handlers, String state) {
    this.server = server;
    this.handlers = handlers;
    this.expectedState = state.getBytes(StandardCharsets.UTF_8);
  }

  /** Listens on 127.0.0.1 only; {@code port} 0 picks a free port. */
  static OAuthCallbackServer start(int port, String state) {
    HttpServer server;
    try {
      InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
      server = HttpServer.create(new InetSocketAddress(loopback, port), 0);
    } catch (BindException e) {
      throw new InputException("cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
          + "); choose another --port");
    } catch (IOException e) {
      throw new InputException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
    }
    ExecutorService handlers = Executors.newFixedThreadPool(4,
        new DaemonThreads("login-callback"));
    OAuthCallbackServer callback = new OAuthCallbackServer(server, handlers, state);
    server.setExecutor(handlers);
    server.createContext(PATH, callback::handle);
    server.start();
    return callback;
  }

  int port() {
    return server.getAddress().getPort();
  }

  String redirectUri() {
    return "http://127.0.0.1:" + port() + PATH;
  }

  /** Waits for the answer with the right state; its code, never logged. */
  String awaitCode(Duration timeout) {
    Answer a;
    try {
      a = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new LeverApiException(0, ENDPOINT, "no authorization arrived within "
          + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LeverApiException(0, ENDPOINT, "interrupted while waiting for the authorization");
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    if (a.error() == null) {
      return a.code();
    }
    String why = a.description() == null ? "no reason given" : a.description();
    throw new LeverApiException(0, ENDPOINT, a.error().equals("access_denied")
        ? "Lever authorization was denied: " + why
        : "Lever authorization failed (" + a.error() + "): " + why);
  }

  /** Tells the waiting browser how the exchange went, and waits until it has been told. */
  void finish(boolean authorized) {
    outcome.complete(authorized);
    awaitAnswered();
  }

  @Override
  public void close() {
    outcome.complete(false);
    awaitAnswered();
    server.stop(0);
    handlers.shutdownNow();
  }

  private void awaitAnswered() {
    if (!answer.isDone()) {
      return;
    }
    try {
      answered.await(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        send(exchange, 405, "Not here", "tap-lever only expects Lever's redirect (a GET) here.");
        return;
      }
      HttpUrl url = HttpUrl.parse("http://127.0.0.1" + exchange.getRequestURI());
      String state = url == null ? null : url.queryParameter("state");
      if (state == null || !MessageDigest.isEqual(expectedState,
          state.getBytes(StandardCharsets.UTF_8))) {
        send(exchange, 400, "Not the answer tap-lever is waiting for", "The state of this request"
            + " does not match the login tap-lever started. Open the URL tap-lever printed.");
        return;
      }
      Answer a = new Answer(url.queryParameter("code"), clean(url.queryParameter("error")),
          clean(url.queryParameter("error_description")));
      if (a.code() == null && a.error() == null) {
        send(exchange, 400, "No authorization code", "Lever's redirect carried neither a code nor"
            + " an error.");
        return;
      }
      if (!answer.complete(a)) {
        send(exchange, 409, "Already answered", "tap-lever has already received Lever's answer;"
            + " see the terminal.");
        return;
      }
      try {
        respond(exchange, a);
      } finally {
        answered.countDown();
      }
    }
  }

  private void respond(HttpExchange exchange, Answer a) throws IOException {
    if (a.error() != null) {
      send(exchange, 200, "tap-lever was not authorized", "Lever said: " + a.error()
          + ". You can close this tab.");
      return;
    }
    boolean authorized;
    try {
      authorized = outcome.get(EXCHANGE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      authorized = false;
    } catch (ExecutionException | TimeoutException e) {
      authorized = false;
    }
    if (authorized) {
      send(exchange, 200, "tap-lever is authorized", "tap-lever is authorized; you can close"
          + " this tab.");
    } else {
      send(exchange, 502, "tap-lever could not finish", "tap-lever could not finish the"
          + " authorization; see the terminal for why.");
    }
  }

  /** Lever's error text, shown in the terminal: printable ASCII, at most 200 characters. */
  private static String clean(String text) {
    if (text == null) {
      return null;
    }
    String printable = text.replaceAll("[^\\x20-\\x7E]", "?").strip();
    if (printable.isEmpty()) {
      return null;
    }
    return printable.length() > 200 ? printable.substring(0, 200) + "..." : printable;
  }

  private static void send(HttpExchange exchange, int status, String title, String text)
      throws IOException {
    byte[] body = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + html(title)
        + "</title></head>\n<body><h1>" + html(title) + "</h1><p>" + html(text)
        + "</p></body></html>\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
