package taplever.cli;

import picocli.CommandLine;

/** The program's only exit. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(TapLeverCommand.commandLine().execute(args));
  }
}
