package taplever.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MockWebServer answering as a {@link LeverScript}, and the config and catalog files of a tap
 * pointed at it, for one test: register it as an instance field with
 * {@code @RegisterExtension}. It starts when the test instance is made, so the test's fields may
 * hold its script and fixture, and stops after the test, removing its files.
 */
public final class ScriptedLeverServer implements AfterEachCallback {
  private final MockWebServer server = new MockWebServer();
  private final LeverScript script = new LeverScript();
  private final Path dir;
  private final TapFixture tap;

  public ScriptedLeverServer() {
    try {
      server.setDispatcher(script);
      server.start();
      dir = Files.createTempDirectory("tap-lever-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    tap = new TapFixture(dir, server);
  }

  public LeverScript script() {
    return script;
  }

  public TapFixture tap() {
    return tap;
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    server.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
