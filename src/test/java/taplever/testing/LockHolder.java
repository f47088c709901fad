package taplever.testing;

import java.io.IOException;
import java.nio.file.Path;
import taplever.config.ConfigLock;

/**
 * Another process holding a config's lock, for tests: prints "locked" once it holds it, then
 * keeps it until its stdin closes or it is killed.
 */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws IOException {
    try (ConfigLock lock = ConfigLock.acquire(Path.of(args[0]), ProcessHandle.current().pid())) {
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold the lock
      }
    }
  }
}
