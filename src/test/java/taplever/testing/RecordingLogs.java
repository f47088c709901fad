package taplever.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** Loggers that keep every line ({@code LEVEL message}) for assertions, at every level. */
public final class RecordingLogs implements ILoggerFactory {
  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text);

  @Override
  public Logger getLogger(String name) {
    return new LegacyAbstractLogger() {
      private static final long serialVersionUID = 1L;

      @Override
      public boolean isTraceEnabled() {
        return true;
      }

      @Override
      public boolean isDebugEnabled() {
        return true;
      }

      @Override
      public boolean isInfoEnabled() {
        return true;
      }

      @Override
      public boolean isWarnEnabled() {
        return true;
      }

      @Override
      public boolean isErrorEnabled() {
        return true;
      }

      @Override
      protected String getFullyQualifiedCallerName() {
        return null;
      }

      @Override
      protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern,
          Object[] arguments, Throwable throwable) {
        synchronized (out) {
          out.println(level + " " + MessageFormatter.basicArrayFormat(pattern, arguments));
          if (throwable != null) {
            throwable.printStackTrace(out);
          }
        }
      }
    };
  }

  public String text() {
    synchronized (out) {
      out.flush();
      return text.toString();
    }
  }

  public List<String> lines() {
    return text().lines().toList();
  }
}
