package taplever.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import taplever.cli.TapLeverCommand;

/**
 * One in-process run of the tap: exit code, stdout bytes (the Singer messages) and everything on
 * stderr (picocli's and the loggers'). Its toString dumps both, so a failing assertion shows them.
 */
public record TapRun(int exitCode, String stdout, String stderr) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static synchronized TapRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    StringWriter picocliErr = new StringWriter();
    PrintStream originalErr = System.err;
    System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    int code;
    try {
      CommandLine cl = TapLeverCommand.commandLine(out);
      cl.setErr(new PrintWriter(picocliErr, true));
      cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
      code = cl.execute(args);
    } finally {
      System.setErr(originalErr);
    }
    return new TapRun(code, out.toString(StandardCharsets.UTF_8),
        errBytes.toString(StandardCharsets.UTF_8) + picocliErr);
  }

  public List<JsonNode> messages() {
    List<JsonNode> out = new ArrayList<>();
    for (String line : stdout.split("\n")) {
      if (!line.isBlank()) {
        try {
          out.add(JSON.readTree(line));
        } catch (IOException e) {
          throw new UncheckedIOException("stdout line is not JSON: " + line, e);
        }
      }
    }
    return out;
  }

  public List<JsonNode> records(String stream) {
    return messages().stream()
        .filter(m -> m.path("type").asText().equals("RECORD") && m.path("stream").asText().equals(stream))
        .map(m -> m.get("record")).toList();
  }

  public List<JsonNode> states() {
    return messages().stream().filter(m -> m.path("type").asText().equals("STATE"))
        .map(m -> m.get("value")).toList();
  }

  public JsonNode lastState() {
    List<JsonNode> states = states();
    return states.get(states.size() - 1);
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout ---\n" + abbreviate(stdout) + "\n--- stderr ---\n"
        + abbreviate(stderr);
  }

  private static String abbreviate(String s) {
    return s.length() > 4000 ? s.substring(0, 4000) + "\n... (" + s.length() + " chars)" : s;
  }
}
