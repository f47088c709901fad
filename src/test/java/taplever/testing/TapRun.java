package taplever.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import taplever.cli.CommandEnvironment;
import taplever.cli.RuntimeProvider;
import taplever.cli.TapLeverCommand;
import taplever.config.Environment;
import taplever.config.FileWrites;
import taplever.runtime.TapRuntime;
import taplever.streams.SchemaRepository;

/**
 * One in-process run of the tap: exit code, stdout bytes (the Singer messages) and everything on
 * stderr (picocli's and the loggers'). Its toString dumps both, so a failing assertion shows them.
 * Nothing global is swapped: stdout, stderr, time and the environment are the run's own.
 */
public record TapRun(int exitCode, String stdout, String stderr) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A run on real time with an empty environment. */
  public static TapRun of(String... args) {
    return Setup.defaults().run(args);
  }

  /** What a run gets from its "process". */
  public record Setup(RuntimeProvider runtimes, Map<String, String> environment,
      Optional<OutputStream> stdout, FileWrites files, Supplier<SchemaRepository> schemas) {

    public static Setup defaults() {
      return new Setup(TapRuntime::system, Map.of(), Optional.empty(), FileWrites.system(),
          CommandEnvironment::schemasFromJar);
    }

    public Setup time(RuntimeProvider fake) {
      return new Setup(fake, environment, stdout, files, schemas);
    }

    public Setup environment(Map<String, String> variables) {
      return new Setup(runtimes, variables, stdout, files, schemas);
    }

    /** A stdout of the test's own, e.g. one that fails as /dev/full does. */
    public Setup stdout(OutputStream out) {
      return new Setup(runtimes, environment, Optional.of(out), files, schemas);
    }

    /** Disk writes of the test's own, e.g. a full disk. */
    public Setup files(FileWrites writes) {
      return new Setup(runtimes, environment, stdout, writes, schemas);
    }

    /** Schemas of the test's own, e.g. the jar's, counting the loads. */
    public Setup schemas(Supplier<SchemaRepository> loader) {
      return new Setup(runtimes, environment, stdout, files, loader);
    }

    public TapRun run(String... args) {
      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      StringWriter err = new StringWriter();
      CommandEnvironment env = new CommandEnvironment(stdout.orElse(captured),
          new PrintWriter(err, true), runtimes, Environment.of(environment), files, schemas);
      int code = TapLeverCommand.commandLine(env).execute(args);
      return new TapRun(code, captured.toString(StandardCharsets.UTF_8), err.toString());
    }
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
