package taplever.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;
import taplever.error.ExitCode;
import taplever.runtime.Cancellation;

/**
 * SIGTERM and SIGINT stop the sync cleanly instead of killing the JVM mid-line: no new request
 * starts, in-flight calls are cancelled, the last consistent STATE is written again, and the
 * process exits {@link ExitCode#SIGTERM} or {@link ExitCode#SIGINT} as a shell would report it. {@code sun.misc.Signal} is the
 * JDK's supported (jdk.unsupported) way to do this without a shutdown-hook race.
 */
final class SignalTrap {
  private final SignalHandler previousTerm;
  private final SignalHandler previousInt;

  private SignalTrap(SignalHandler previousTerm, SignalHandler previousInt) {
    this.previousTerm = previousTerm;
    this.previousInt = previousInt;
  }

  static SignalTrap install(Cancellation cancellation) {
    SignalHandler term = trap("TERM", s -> cancellation.cancel(ExitCode.SIGTERM.code()));
    SignalHandler intr = trap("INT", s -> cancellation.cancel(ExitCode.SIGINT.code()));
    return new SignalTrap(term, intr);
  }

  private static SignalHandler trap(String name, SignalHandler handler) {
    try {
      return Signal.handle(new Signal(name), handler);
    } catch (IllegalArgumentException e) {
      return null; // the platform does not have that signal
    }
  }

  void restore() {
    if (previousTerm != null) {
      Signal.handle(new Signal("TERM"), previousTerm);
    }
    if (previousInt != null) {
      Signal.handle(new Signal("INT"), previousInt);
    }
  }
}
