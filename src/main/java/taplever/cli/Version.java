package taplever.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The version Maven wrote into the jar, for --version, --about and the User-Agent, with the git
 * commit the build was made from and whether the tree had changes not committed (the build's
 * {@code commit} execution asks git; outside a git checkout both are unknown).
 */
public final class Version implements CommandLine.IVersionProvider {
  private static final String UNKNOWN = "unknown";

  private static Properties built() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("/tap-lever-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // As if there were no file: "dev", commit unknown.
    }
    return p;
  }

  /** A value Maven filled in; a placeholder left as is (a build that skipped filtering) is none. */
  private static Optional<String> value(String key) {
    String v = built().getProperty(key, "").trim();
    return v.isEmpty() || v.startsWith("${") || v.equals(UNKNOWN) ? Optional.empty() : Optional.of(v);
  }

  public static String current() {
    return value("version").orElse("dev");
  }

  /** The full commit id, or "unknown". */
  public static String commit() {
    return value("commit").orElse(UNKNOWN);
  }

  /** Whether the build's sources differed from {@link #commit()}; empty when that is unknown. */
  public static Optional<Boolean> modified() {
    return value("commit").flatMap(c -> value("modified")).map(Boolean::parseBoolean);
  }

  /** {@code commit 04de815..., modified tree}: where this build came from, in words. */
  public static String provenance() {
    return "commit " + commit() + (modified().orElse(false) ? ", modified tree" : "");
  }

  @Override
  public String[] getVersion() {
    return new String[] {"tap-lever " + current() + " (" + provenance() + ")"};
  }
}
