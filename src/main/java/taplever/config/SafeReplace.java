package taplever.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * Replaces a file atomically: a temporary file in the same folder, given the owner, group and
 * mode of the file it stands in for, written and fsynced, then renamed over the target and the
 * folder fsynced. A run as root therefore leaves the user's config owned by the user, and a crash
 * leaves the old file or the new one, never half of either.
 */
final class SafeReplace {
  private final FileWrites writes;

  SafeReplace(FileWrites writes) {
    this.writes = writes;
  }

  /**
   * @param target the file to replace (or create)
   * @param like whose owner and group to copy; {@code target} itself for a rewrite
   * @param mode the permissions, or empty to copy {@code like}'s
   */
  void replace(Path target, Path like, Optional<Set<PosixFilePermission>> mode, byte[] content)
      throws IOException {
    Path tmp = temporary(target, like, mode);
    try {
      writes.writeDurably(tmp, content);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
    syncFolder(target);
  }

  /**
   * Makes the rename itself durable: until the folder's entry reaches the disk, a power cut can
   * bring back the old config, whose refresh token Lever has already retired. Best effort: some
   * file systems cannot open a folder for reading, and the new file is already complete.
   */
  private static void syncFolder(Path target) {
    try (FileChannel folder = FileChannel.open(target.toAbsolutePath().getParent(),
        StandardOpenOption.READ)) {
      folder.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // The rename happened; only its durability across a power cut is not confirmed.
    }
  }

  /**
   * Goes through every step of {@link #replace} but the rename, with {@code size} bytes: proves
   * the folder takes a file, the owner can be kept and the disk has the room, and leaves nothing.
   */
  void rehearse(Path target, int size) throws IOException {
    Path tmp = temporary(target, target, Optional.empty());
    try {
      writes.writeDurably(tmp, new byte[size]);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static Path temporary(Path target, Path like, Optional<Set<PosixFilePermission>> mode)
      throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    // createTempFile makes it 0600 on POSIX, so nothing can read it before its mode is set.
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      PosixFileAttributeView source = Files.getFileAttributeView(like, PosixFileAttributeView.class);
      PosixFileAttributeView copy = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
      if (source != null && copy != null) {
        PosixFileAttributes wanted = source.readAttributes();
        PosixFileAttributes now = copy.readAttributes();
        copy.setPermissions(mode.orElse(wanted.permissions()));
        if (!wanted.group().equals(now.group())) {
          copy.setGroup(wanted.group());
        }
        if (!wanted.owner().equals(now.owner())) {
          copy.setOwner(wanted.owner());
        }
      }
      return tmp;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }
}
