package taplever.runtime;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads the tap starts besides its main one (pages fetched ahead, child requests, progress
 * lines, the login callback) are daemons: the main thread alone decides when the process ends, so
 * a worker stuck in a call never keeps a finished or interrupted run alive. Numbered by name, so a
 * thread dump tells a pool's threads apart.
 */
public final class DaemonThreads implements ThreadFactory {
  private final String name;
  private final AtomicInteger started = new AtomicInteger();

  public DaemonThreads(String name) {
    this.name = name;
  }

  @Override
  public Thread newThread(Runnable work) {
    Thread t = new Thread(work, name + "-" + started.incrementAndGet());
    t.setDaemon(true);
    return t;
  }
}
