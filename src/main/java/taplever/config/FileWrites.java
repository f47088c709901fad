package taplever.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one write that saving a token makes: bytes into a new file, forced to the disk. It is the
 * step a full disk fails, so tests pass one that fails the same way (ENOSPC) instead of filling a
 * real disk.
 */
@FunctionalInterface
public interface FileWrites {

  /** Writes {@code content} into the existing empty {@code file} and fsyncs it. */
  void writeDurably(Path file, byte[] content) throws IOException;

  static FileWrites system() {
    return (file, content) -> {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          ch.write(buffer);
        }
        ch.force(true);
      }
    };
  }
}
