package taplever.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  @Test
  void otherConfigsHaveTheirOwnLocks() {
    try (ConfigLock a = ConfigLock.acquire(dir.resolve("a.json"), 1);
        ConfigLock b = ConfigLock.acquire(dir.resolve("b.json"), 2)) {
      assertTrue(Files.exists(ConfigLock.fileFor(dir.resolve("b.json"))));
    }
  }
}
