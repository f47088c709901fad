package taplever.http;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

/**
 * The one test for a call the run itself stopped (its thread interrupted, its call canceled), as
 * opposed to the network timing out, which Java also reports as an {@code InterruptedIOException}.
 * The first is never asked again nor blamed on Lever; the second is retried like any failure.
 */
public final class Interruption {
  private Interruption() {}

  public static boolean is(Throwable e) {
    return e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException);
  }
}
