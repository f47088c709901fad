package taplever.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
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
    boolean existed = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    FileChannel channel;
    try {
      // Not through a symlink: a run as root would truncate whatever it points to.
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new InputException(existed
          ? "cannot open the lock file " + file + " (" + FileReasons.of(e) + "); it must be a"
              + " regular file the user running the tap can write (delete it if a run as another"
              + " user left it)"
          : "cannot create the lock file " + file + " (" + FileReasons.of(e) + "); the config's"
              + " folder must be writable for an OAuth config");
    }
    try {
      // Before the lock: setting a mode may open and close the file, and closing any descriptor
      // of a file drops the process's POSIX locks on it.
      ownLike(file, config);
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
      throw new InputException("cannot lock " + file + " (" + FileReasons.of(e) + ")");
    }
  }

  /**
   * Gives the lock file the config's owner, group and mode (and always its owner's read and
   * write), as {@link SafeReplace} does the config: a run as root would otherwise leave it root's,
   * 0644, and the next run as the config's owner could not open it. Changes only what differs.
   * Best effort: a user who may not give the file away (not root) keeps it, and whoever can write
   * the config's folder can still take it over by deleting it.
   */
  private static void ownLike(Path file, Path config) {
    PosixFileAttributeView lockView = Files.getFileAttributeView(file,
        PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    PosixFileAttributeView configView = Files.getFileAttributeView(config,
        PosixFileAttributeView.class);
    if (lockView == null || configView == null) {
      return;
    }
    try {
      PosixFileAttributes wanted = configView.readAttributes();
      PosixFileAttributes now = lockView.readAttributes();
      Set<PosixFilePermission> mode = EnumSet.of(PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE);
      mode.addAll(wanted.permissions());
      if (!mode.equals(now.permissions())) {
        lockView.setPermissions(mode);
      }
      if (!wanted.group().equals(now.group())) {
        lockView.setGroup(wanted.group());
      }
      if (!wanted.owner().equals(now.owner())) {
        lockView.setOwner(wanted.owner());
      }
    } catch (IOException | SecurityException e) {
      // Not permitted here: the file stays this user's, which this run can use.
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
