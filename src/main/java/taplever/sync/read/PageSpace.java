package taplever.sync.read;

import java.util.concurrent.ArrayBlockingQueue;
import taplever.sync.records.PageBuffer;

/**
 * Arrays for parent pages, handed back once a page is written: a page of 100 records is some
 * 150 kB, and growing a new array for each page was most of what a sync allocated per record.
 * Shared by the thread that reads a page ahead and the one that writes it; at most a few are kept.
 */
final class PageSpace {
  private static final int FIRST = 64 * 1024;
  private final ArrayBlockingQueue<byte[]> free = new ArrayBlockingQueue<>(4);

  byte[] take() {
    byte[] b = free.poll();
    return b != null ? b : new byte[FIRST];
  }

  void give(PageBuffer written) {
    free.offer(written.space());
  }
}
