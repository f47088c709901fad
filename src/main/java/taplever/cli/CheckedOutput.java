package taplever.cli;

import java.io.IOException;
import java.io.OutputStream;
import taplever.error.TargetGoneException;

/**
 * stdout for every command. Unlike a PrintStream or PrintWriter it never swallows a failed write:
 * {@code --discover > /dev/full} fails with {@link TargetGoneException} (exit 1) instead of
 * exiting 0 with nothing written. It also knows whether any byte has been handed to stdout,
 * which decides whether a late input error may still exit 2.
 */
public final class CheckedOutput extends OutputStream {
  private final OutputStream out;
  private volatile boolean started;
  private volatile boolean failed;

  CheckedOutput(OutputStream out) {
    this.out = out;
  }

  /** True once a write reached the stream under it (even one that then failed). */
  boolean started() {
    return started;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] bytes, int off, int len) {
    if (len == 0) {
      return;
    }
    check();
    started = true;
    try {
      out.write(bytes, off, len);
    } catch (IOException e) {
      throw gone(e);
    }
  }

  @Override
  public synchronized void flush() {
    check();
    try {
      out.flush();
    } catch (IOException e) {
      throw gone(e);
    }
  }

  /** Flushes; the process's stdout itself stays open for whoever writes after. */
  @Override
  public void close() {
    flush();
  }

  private void check() {
    if (failed) {
      throw new TargetGoneException("stdout is closed: the Singer target stopped reading", null);
    }
  }

  private TargetGoneException gone(IOException e) {
    failed = true;
    String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return new TargetGoneException("could not write to stdout (" + reason + "): the Singer target"
        + " stopped reading, or the output is full", e);
  }
}
