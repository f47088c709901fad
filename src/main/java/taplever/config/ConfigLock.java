package taplever.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import taplever.error.InputException;

/**
 * One run at a time per OAuth config: {@code <config>.lock}, locked by the OS for the whole run
 * and holding the holder's pid. Two runs on one config would refresh with the same token, and
 * where Lever revokes a reused refresh token both fail and so does the next run.
 *
 * <p>The lock is the OS's, not the file's existence: a run that died (even by SIGKILL) released
 * it, so a stale file is simply taken over. The file stays after the run: deleting it would let a
 * run that opened it just before lock a file no one else sees.
 */
public final class ConfigLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private ConfigLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  public static Path fileFor(Path config) {
    return config.resolveSibling(config.getFileName() + ".lock");
  }

  /**
   * Takes the lock or fails at once, naming the pid of the run holding it.
   *
   * @param pid this process, written into the file for whoever finds it locked
   */
  public static ConfigLock acquire(Path config, long pid) {
    Path file = fileFor(config);
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new InputException("cannot create the lock file " + file + " (" + e.getClass()
          .getSimpleName() + "); the config's folder must be writable for an OAuth config");
    }
    try {
      FileLock lock = tryLock(channel);
      if (lock == null) {
        String holder = holder(file);
        channel.close();
        throw new InputException("another tap-lever run" + holder + " is using config file "
            + config + " (it holds " + file + "); two runs would spend the same OAuth refresh"
            + " token. Let it finish, or stop it, and run again");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((pid + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
      channel.force(false);
      return new ConfigLock(channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new InputException("cannot lock " + file + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Null when another process holds it, or another run in this JVM (tests, the demo). */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  private static String holder(Path file) {
    try {
      String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
      return pid.matches("[0-9]{1,19}") ? " (pid " + pid + ")" : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing more to release
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // closing the channel below releases it too
    }
    closeQuietly(channel);
  }
}
