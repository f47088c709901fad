package taplever.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import taplever.error.InputException;
import taplever.error.ShownText;

/**
 * The run's loggers: one explicit level and one writer (the command's stderr), both given, not
 * read from JVM-wide properties. Each line is {@code LEVEL message}, written whole under the
 * writer's lock and flushed, so lines from fan-out threads never interleave and a crash loses none.
 * A call's arguments are data (an id, Lever's text, a name from a state file) and are shown escaped
 * and cut ({@link ShownText}), so they cannot start a line of their own; the pattern is ours.
 */
public final class StderrLogs implements ILoggerFactory {
  private final Level threshold;
  private final PrintWriter err;
  private final Map<String, Logger> loggers = new ConcurrentHashMap<>();

  StderrLogs(Level threshold, PrintWriter err) {
    this.threshold = threshold;
    this.err = err;
  }

  /** {@code --log-level}: debug, info, warn or error. */
  static Level parseLevel(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "debug" -> Level.DEBUG;
      case "info" -> Level.INFO;
      case "warn", "warning" -> Level.WARN;
      case "error" -> Level.ERROR;
      default -> throw new InputException("--log-level must be debug, info, warn or error, not '"
          + name + "'");
    };
  }

  Level threshold() {
    return threshold;
  }

  /** Each argument as {@code {}} would show it, escaped and cut; numbers and booleans as they are. */
  private static Object[] shown(Object[] arguments) {
    if (arguments == null) {
      return null;
    }
    Object[] shown = new Object[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      Object a = arguments[i];
      shown[i] = a == null || a instanceof Number || a instanceof Boolean ? a
          : ShownText.of(MessageFormatter.basicArrayFormat("{}", new Object[] {a}),
              ShownText.MESSAGE);
    }
    return shown;
  }

  @Override
  public Logger getLogger(String name) {
    return loggers.computeIfAbsent(name, LineLogger::new);
  }

  private final class LineLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    LineLogger(String name) {
      this.name = name;
    }

    private boolean on(Level level) {
      return level.toInt() >= threshold.toInt();
    }

    @Override
    public boolean isTraceEnabled() {
      return on(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
      return on(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
      return on(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
      return on(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
      return on(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern,
        Object[] arguments, Throwable throwable) {
      String text = MessageFormatter.basicArrayFormat(pattern, shown(arguments));
      synchronized (err) {
        err.println(level + " " + text);
        // A trace is for whoever asked for debug output; users get the one line.
        if (throwable != null && isDebugEnabled()) {
          throwable.printStackTrace(err);
        }
        err.flush();
      }
    }
  }
}
