package taplever.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import taplever.error.InputException;

class ConfigFileWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OLD = "rt-SECRET-old";
  private static final String NEW = "rt-SECRET-new";
  private static final IOException FULL = new java.nio.file.FileSystemException(null, null,
      "No space left on device");

  @TempDir
  Path dir;
  private Path config;
  private final List<String> warnings = new ArrayList<>();

  @BeforeEach
  void writeConfig() throws IOException {
    config = Files.writeString(dir.resolve("config.json"), "{\"client_id\": \"c\","
        + " \"client_secret\": \"cs\", \"refresh_token\": \"" + OLD + "\","
        + " \"start_date\": \"2024-01-01T00:00:00Z\", \"page_size\": 50}");
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r-----"));
  }

  /** Writes as a full disk would: every write matching {@code failing} gets ENOSPC. */
  private static FileWrites fullDiskFor(Predicate<Path> failing) {
    FileWrites real = FileWrites.system();
    return (file, content) -> {
      if (failing.test(file)) {
        throw FULL;
      }
      real.writeDurably(file, content);
    };
  }

  /** The config's own temporary files, not the refresh-token file's. */
  private static boolean configTemp(Path file) {
    return file.getFileName().toString().startsWith(".config.json.")
        && !file.getFileName().toString().startsWith(".config.json.refresh-token");
  }

  private String savedToken() throws IOException {
    return JSON.readTree(config.toFile()).get("refresh_token").asText();
  }

  private TapConfig load() {
    return new ConfigLoader(warnings::add, "ua", Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"),
        ZoneOffset.UTC), Environment.of(java.util.Map.of())).load(config, ConfigLoader.Purpose.SYNC);
  }

  private static Secret refreshOf(TapConfig c) {
    return ((Credentials.OAuth) c.credentials()).refreshToken();
  }

  private List<Path> leftovers() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  @Test
  void savingReplacesOnlyTheTokenAndKeepsTheMode() throws IOException {
    new ConfigFileWriter(config).saveRefreshToken(Secret.of(NEW));

    assertEquals(NEW, savedToken());
    assertEquals(50, JSON.readTree(config.toFile()).get("page_size").asInt());
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
    assertEquals(List.of(), leftovers());
  }

  @Test
  void aFullDiskFailsTheCheckThatComesBeforeATokenIsSpent() throws IOException {
    ConfigFileWriter writer = new ConfigFileWriter(config, fullDiskFor(p -> true));

    InputException e = assertThrows(InputException.class, writer::checkWritable);

    assertEquals("config file " + config + " cannot be rewritten (No space left on device); the tap"
        + " checks this before using the refresh token, because Lever replaces it and the new one"
        + " must be saved there", e.getMessage());
    assertEquals(OLD, savedToken());
    assertEquals(List.of(), leftovers());
  }

  @Test
  void theCheckRehearsesAFileLargerThanTheConfig() throws IOException {
    List<Integer> sizes = new ArrayList<>();
    new ConfigFileWriter(config, (file, content) -> sizes.add(content.length)).checkWritable();

    assertEquals(1, sizes.size());
    assertTrue(sizes.get(0) > Files.size(config) + 1000, sizes.toString());
    assertEquals(List.of(), leftovers());
  }

  @Test
  void aTokenTheConfigCannotTakeIsKeptBesideItAndTheErrorSaysWhere() throws IOException {
    ConfigFileWriter writer = new ConfigFileWriter(config, fullDiskFor(ConfigFileWriterTest::configTemp));

    InputException e = assertThrows(InputException.class, () -> writer.saveRefreshToken(Secret.of(NEW)));

    Path kept = dir.resolve("config.json.refresh-token");
    assertEquals("could not save the rotated OAuth refresh token in config file " + config
        + " (No space left on device); it is kept in " + kept + " (mode 0600), which the next run"
        + " uses. Fix the config file (free space, permissions) and run the tap again", e.getMessage());
    assertEquals(OLD, savedToken(), "the config is untouched");
    assertEquals(NEW, JSON.readTree(kept.toFile()).get("refresh_token").asText());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
    assertEquals(List.of(), leftovers());
  }

  @Test
  void theNextRunUsesTheKeptTokenAndItIsRemovedOnceTheConfigHoldsTheNewest() throws IOException {
    assertThrows(InputException.class, () -> new ConfigFileWriter(config,
        fullDiskFor(ConfigFileWriterTest::configTemp)).saveRefreshToken(Secret.of(NEW)));

    assertEquals(Secret.of(NEW), refreshOf(load()));
    assertTrue(warnings.get(0).contains("config.json.refresh-token"), warnings.toString());

    new ConfigFileWriter(config).saveRefreshToken(Secret.of("rt-SECRET-third"));
    assertEquals("rt-SECRET-third", savedToken());
    assertFalse(Files.exists(dir.resolve("config.json.refresh-token")));
    assertEquals(Secret.of("rt-SECRET-third"), refreshOf(load()));
  }

  @Test
  void aKeptTokenIsIgnoredOnceTheConfigHoldsAnotherOne() throws IOException {
    assertThrows(InputException.class, () -> new ConfigFileWriter(config,
        fullDiskFor(ConfigFileWriterTest::configTemp)).saveRefreshToken(Secret.of(NEW)));
    // A login (or a hand edit) put a newer token in the config; the kept one is older now.
    Files.writeString(config, Files.readString(config).replace(OLD, "rt-SECRET-login"));

    assertEquals(Secret.of("rt-SECRET-login"), refreshOf(load()));
  }

  @Test
  void whenNeitherFileCanTakeTheTokenTheErrorSaysToLogInAgain() {
    ConfigFileWriter writer = new ConfigFileWriter(config, fullDiskFor(p -> true));

    InputException e = assertThrows(InputException.class, () -> writer.saveRefreshToken(Secret.of(NEW)));

    assertTrue(e.getMessage().contains("nor in " + dir.resolve("config.json.refresh-token")
        + " (No space left on device)"), e.getMessage());
    assertTrue(e.getMessage().endsWith("run 'tap-lever login --config " + config + "'"));
    assertFalse(e.getMessage().contains(NEW));
  }

  @Test
  void aRotationRunAsRootKeepsTheConfigsOwnerAndGroup() throws IOException {
    assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a file away");
    UserPrincipalLookupService users = config.getFileSystem().getUserPrincipalLookupService();
    UserPrincipal nobody = users.lookupPrincipalByName("65534");
    GroupPrincipal nogroup = users.lookupPrincipalByGroupName("65534");
    PosixFileAttributeView view = Files.getFileAttributeView(config, PosixFileAttributeView.class);
    view.setOwner(nobody);
    view.setGroup(nogroup);

    ConfigFileWriter writer = new ConfigFileWriter(config);
    writer.checkWritable();
    writer.saveRefreshToken(Secret.of(NEW));

    PosixFileAttributes after = Files.readAttributes(config, PosixFileAttributes.class);
    assertEquals(NEW, savedToken());
    assertEquals(nobody, after.owner());
    assertEquals(nogroup, after.group());
    assertEquals("rw-r-----", PosixFilePermissions.toString(after.permissions()));
  }

  @Test
  void aKeptTokenBelongsToTheConfigsOwnerToo() throws IOException {
    assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a file away");
    UserPrincipal nobody = config.getFileSystem().getUserPrincipalLookupService()
        .lookupPrincipalByName("65534");
    Files.setOwner(config, nobody);

    assertThrows(InputException.class, () -> new ConfigFileWriter(config,
        fullDiskFor(ConfigFileWriterTest::configTemp)).saveRefreshToken(Secret.of(NEW)));

    assertEquals(nobody, Files.getOwner(dir.resolve("config.json.refresh-token")));
  }
}
