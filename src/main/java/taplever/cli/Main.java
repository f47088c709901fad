package taplever.cli;

/** The program's only exit. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(TapLeverCommand.commandLine(CommandEnvironment.system()).execute(args));
  }
}
