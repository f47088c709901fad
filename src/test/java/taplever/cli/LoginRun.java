package taplever.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import picocli.CommandLine;

/**
 * {@code tap-lever login} running in-process on a background thread, so a test can act as the
 * browser while it waits. Captures picocli's stderr and System.err (slf4j) as they are written.
 */
final class LoginRun implements AutoCloseable {
  private final StringBuffer picocliErr = new StringBuffer();
  private final ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
  private final PrintStream originalErr = System.err;
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();

  private LoginRun(String... args) {
    System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
    CommandLine cl = TapLeverCommand.commandLine(new ByteArrayOutputStream());
    cl.setErr(new PrintWriter(new Writer() {
      @Override
      public void write(char[] buf, int off, int len) {
        picocliErr.append(buf, off, len);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    }, true));
    Thread thread = new Thread(() -> {
      try {
        exit.complete(cl.execute(args));
      } catch (Throwable t) {
        exit.completeExceptionally(t);
      }
    }, "login-under-test");
    thread.setDaemon(true);
    thread.start();
  }

  static LoginRun start(String... args) {
    return new LoginRun(args);
  }

  String stderr() {
    return picocliErr + systemErr.toString(StandardCharsets.UTF_8);
  }

  boolean finished() {
    return exit.isDone();
  }

  /** The first stderr line matching, waiting for it to be printed. */
  String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      boolean done = finished();
      for (String line : stderr().split("\\R")) {
        if (wanted.test(line)) {
          return line;
        }
      }
      if (done) {
        break;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no such line on stderr:\n" + stderr());
  }

  int awaitExit(Duration timeout) throws Exception {
    try {
      return exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("login still running after " + timeout + ":\n" + stderr());
    }
  }

  @Override
  public void close() {
    System.setErr(originalErr);
  }
}
