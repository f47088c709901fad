package taplever.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import taplever.config.Environment;
import taplever.config.FileWrites;
import taplever.runtime.TapRuntime;
import taplever.streams.SchemaRepository;

/**
 * What the commands take from the process: where stdout and stderr go, time (through the
 * runtime), the environment variables and the disk writes that save a refresh token.
 * {@link #system()} is the real process; tests build one with buffers, fake time, a map and a
 * disk that fails on demand, and nothing global (System.err, System.getenv) is swapped.
 *
 * @param stdout the raw fd 1 or a test's buffer; commands write it only through
 *     {@link CheckedOutput}
 * @param stderr logs and error lines
 * @param files how config write-back reaches the disk
 * @param schemas reads the stream schemas from the jar; a command calls it once and passes the
 *     result down (tests count the calls)
 */
public record CommandEnvironment(OutputStream stdout, PrintWriter stderr,
    RuntimeProvider runtimes, Environment variables, FileWrites files,
    Supplier<SchemaRepository> schemas) {

  public static CommandEnvironment system() {
    return new CommandEnvironment(new FileOutputStream(FileDescriptor.out),
        new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
            StandardCharsets.UTF_8), true),
        TapRuntime::system, Environment.system(), FileWrites.system(),
        CommandEnvironment::schemasFromJar);
  }

  /** The schemas as the tap ships them. */
  public static SchemaRepository schemasFromJar() {
    return new SchemaRepository(TapLeverCommand.mapper());
  }

  public CommandEnvironment withStdout(OutputStream other) {
    return new CommandEnvironment(other, stderr, runtimes, variables, files, schemas);
  }

  public CommandEnvironment withStderr(PrintWriter other) {
    return new CommandEnvironment(stdout, other, runtimes, variables, files, schemas);
  }
}
