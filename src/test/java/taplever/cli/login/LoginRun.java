package taplever.cli.login;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import picocli.CommandLine;
import taplever.cli.CommandEnvironment;
import taplever.cli.TapLeverCommand;
import taplever.config.Environment;
import taplever.config.FileWrites;
import taplever.runtime.TapRuntime;

/**
 * {@code tap-lever login} running in-process on a background thread, so a test can act as the
 * browser while it waits. Captures the command's stderr (picocli's and the loggers') as it is
 * written; nothing global is swapped.
 */
final class LoginRun implements AutoCloseable {
  private final StringBuffer picocliErr = new StringBuffer();
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();

  private LoginRun(String... args) {
    PrintWriter err = new PrintWriter(new Writer() {
      @Override
      public void write(char[] buf, int off, int len) {
        picocliErr.append(buf, off, len);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    }, true);
    CommandLine cl = TapLeverCommand.commandLine(new CommandEnvironment(new ByteArrayOutputStream(),
        err, TapRuntime::system, Environment.of(Map.of()), FileWrites.system(),
        CommandEnvironment::schemasFromJar));
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
    return picocliErr.toString();
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
    // Nothing to restore: the run had its own writers.
  }
}
