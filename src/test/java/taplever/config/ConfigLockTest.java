package taplever.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import taplever.error.InputException;

class ConfigLockTest {
  @TempDir
  Path dir;

  @Test
  void aSecondRunOnTheSameConfigFailsNamingTheHoldersPid() {
    Path config = dir.resolve("config.json");
    try (ConfigLock first = ConfigLock.acquire(config, 4242)) {
      InputException e = assertThrows(InputException.class, () -> ConfigLock.acquire(config, 7));
      assertEquals("another tap-lever run (pid 4242) is using config file " + config + " (it holds "
          + dir.resolve("config.json.lock") + "); two runs would spend the same OAuth refresh"
          + " token. Let it finish, or stop it, and run again", e.getMessage());
    }
  }

  @Test
  void theLockIsFreeAgainOnceTheRunEnds() throws IOException {
    Path config = dir.resolve("config.json");
    ConfigLock.acquire(config, 1).close();
    try (ConfigLock again = ConfigLock.acquire(config, 2)) {
      assertEquals("2", Files.readString(ConfigLock.fileFor(config)).strip());
    }
  }

  @Test
  void aStaleLockFileWhoseHolderIsGoneIsTakenOver() throws IOException {
    Path config = dir.resolve("config.json");
    Files.writeString(ConfigLock.fileFor(config), "99999999\n");
    try (ConfigLock taken = ConfigLock.acquire(config, 5)) {
      assertEquals("5", Files.readString(ConfigLock.fileFor(config)).strip());
    }
  }

  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Once root's, 0644, whoever owned the config: the owner's next run could not open it. */
  @Test
  void aRunAsRootLeavesTheLockFileToTheConfigsOwnerGroupAndMode() throws IOException {
    assumeTrue(root(), "only root can give a file away");
    Path config = Files.writeString(dir.resolve("config.json"), "{}");
    UserPrincipalLookupService users = config.getFileSystem().getUserPrincipalLookupService();
    UserPrincipal nobody = users.lookupPrincipalByName("65534");
    GroupPrincipal nogroup = users.lookupPrincipalByGroupName("65534");
    PosixFileAttributeView view = Files.getFileAttributeView(config, PosixFileAttributeView.class);
    view.setPermissions(PosixFilePermissions.fromString("rw-rw----"));
    view.setGroup(nogroup);
    view.setOwner(nobody);
    // One left by an older run as root is given back too.
    Files.writeString(ConfigLock.fileFor(config), "1\n");

    ConfigLock.acquire(config, 3).close();

    PosixFileAttributes lock = Files.readAttributes(ConfigLock.fileFor(config),
        PosixFileAttributes.class);
    assertEquals(nobody, lock.owner());
    assertEquals(nogroup, lock.group());
    assertEquals("rw-rw----", PosixFilePermissions.toString(lock.permissions()));
  }

  /** The symptom: after a run as root, a run as the config's owner is refused the lock file. */
  @Test
  void afterARunAsRootTheConfigsOwnerCanTakeTheLock() throws Exception {
    assumeTrue(root(), "only root can give a file away");
    Path setpriv = Path.of("/usr/bin/setpriv");
    Path classes = Path.of("target/classes").toAbsolutePath();
    Path testClasses = Path.of("target/test-classes").toAbsolutePath();
    assumeTrue(Files.isExecutable(setpriv), "setpriv runs a process as another user");
    assumeTrue(traversableByAll(classes) && traversableByAll(testClasses)
        && traversableByAll(dir.getParent()), "user 65534 must reach the classes and the folder");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path config = Files.writeString(dir.resolve("config.json"), "{}");
    Files.setOwner(config, config.getFileSystem().getUserPrincipalLookupService()
        .lookupPrincipalByName("65534"));
    ConfigLock.acquire(config, 3).close();

    Process asOwner = new ProcessBuilder(setpriv.toString(), "--reuid=65534", "--regid=65534",
        "--clear-groups", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classes + ":" + testClasses, "taplever.testing.LockHolder", config.toString())
        .redirectErrorStream(true).start();
    try {
      asOwner.getOutputStream().close();
      String out = new String(asOwner.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(asOwner.waitFor(30, TimeUnit.SECONDS));
      assertTrue(out.startsWith("locked"), out);
    } finally {
      asOwner.destroyForcibly();
    }
  }

  private static boolean traversableByAll(Path path) throws IOException {
    for (Path p = path; p != null; p = p.getParent()) {
      if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
        return false;
      }
    }
    return true;
  }

  /** Once "(FileSystemException)": the reason is the file system's. */
  @Test
  void aLockFileThatCannotBeOpenedSaysWhyAndThatTheFolderIsNotTheProblem() throws IOException {
    Path config = dir.resolve("config.json");
    Files.createDirectory(ConfigLock.fileFor(config));

    InputException e = assertThrows(InputException.class, () -> ConfigLock.acquire(config, 1));

    assertEquals("cannot open the lock file " + ConfigLock.fileFor(config) + " (Is a directory);"
        + " it must be a regular file the user running the tap can write (delete it if a run as"
        + " another user left it)", e.getMessage());
  }

  @Test
  void aLockFileInAFolderThatIsGoneSaysWhy() {
    Path config = dir.resolve("gone").resolve("config.json");

    InputException e = assertThrows(InputException.class, () -> ConfigLock.acquire(config, 1));

    assertEquals("cannot create the lock file " + ConfigLock.fileFor(config) + " (no such file or"
        + " directory); the config's folder must be writable for an OAuth config", e.getMessage());
  }

  /** Once "(IOException)": a lock file whose pid cannot be written (here a FIFO) says why. */
  @Test
  void aLockFileThatTakesNoPidSaysWhy() throws Exception {
    Path config = dir.resolve("config.json");
    Path fifo = ConfigLock.fileFor(config);
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");

    InputException e = assertThrows(InputException.class, () -> ConfigLock.acquire(config, 1));

    assertTrue(e.getMessage().startsWith("cannot lock " + fifo + " ("), e.getMessage());
    assertFalse(e.getMessage().contains("IOException"), e.getMessage());
  }

  /** Root must not truncate and rewrite what a planted symlink points to. */
  @Test
  void aSymlinkInPlaceOfTheLockFileIsNotFollowed() throws IOException {
    Path config = dir.resolve("config.json");
    Path victim = Files.writeString(dir.resolve("victim"), "precious\n");
    Files.createSymbolicLink(ConfigLock.fileFor(config), victim);

    InputException e = assertThrows(InputException.class, () -> ConfigLock.acquire(config, 1));

    assertTrue(e.getMessage().startsWith("cannot open the lock file"), e.getMessage());
    assertEquals("precious\n", Files.readString(victim));
  }

  @Test
  void otherConfigsHaveTheirOwnLocks() {
    try (ConfigLock a = ConfigLock.acquire(dir.resolve("a.json"), 1);
        ConfigLock b = ConfigLock.acquire(dir.resolve("b.json"), 2)) {
      assertTrue(Files.exists(ConfigLock.fileFor(dir.resolve("b.json"))));
    }
  }
}
