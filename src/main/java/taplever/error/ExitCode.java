package taplever.error;

/**
 * The process's exit codes, the table {@code --help} prints and pipelines rely on. Every exit of
 * the tap is one of these; nothing else chooses a number.
 */
public enum ExitCode {
  /** Everything asked for was done: the sync finished, or the catalog/about was printed. */
  OK(0, "success"),
  /** Lever or the network failed after retries, credentials were rejected, the target went away,
   *  or a failure came after output had started (then even bad input is not a 2). */
  FAILURE(1, "sync failed: Lever or the network after retries, rejected credentials, target"
      + " gone, or any failure after output started"),
  /** Bad usage, config, catalog or state, or the config is in use by another run; nothing was
   *  written on stdout and no data request was made, so rerunning after the fix is safe. */
  USAGE(2, "bad usage, config, catalog or state, or the config is locked by another run"
      + " (nothing written on stdout)"),
  /** SIGINT (Ctrl-C) stopped the sync, as a shell reports it (128 + 2); the last STATE is
   *  consistent. */
  SIGINT(130, "interrupted by SIGINT (last consistent STATE written)"),
  /** SIGTERM stopped the sync, as a shell reports it (128 + 15); the last STATE is consistent. */
  SIGTERM(143, "terminated by SIGTERM (last consistent STATE written)");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  /** One line for {@code --help}'s exit code list. */
  public String meaning() {
    return meaning;
  }
}
