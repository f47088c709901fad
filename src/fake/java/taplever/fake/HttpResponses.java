package taplever.fake;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Writing answers on a JDK {@code HttpExchange}, including the deliberately broken ones. */
final class HttpResponses {
  static final String JSON = "application/json; charset=utf-8";

  private HttpResponses() {}

  static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", JSON);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Declares the full Content-Length, sends half the body, then kills the connection. */
  static void sendTruncated(HttpExchange exchange, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", JSON);
    exchange.sendResponseHeaders(200, body.length);
    OutputStream out = exchange.getResponseBody();
    out.write(body, 0, Math.max(1, body.length / 2));
    out.flush();
    throw new InjectedFault("truncated response");
  }

  /**
   * Closes the connection without any response: the handler fails and the JDK server drops the
   * socket.
   */
  static void drop() throws IOException {
    throw new InjectedFault("dropped connection");
  }

  /** Thrown out of a handler on purpose; the JDK server then closes the connection. */
  static final class InjectedFault extends IOException {
    private static final long serialVersionUID = 1L;

    InjectedFault(String message) {
      super("fake Lever fault injection: " + message, null);
    }
  }
}
