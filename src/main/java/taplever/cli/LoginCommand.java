package taplever.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder replaced by the OAuth login flow. */
@Command(name = "login", mixinStandardHelpOptions = true,
    description = "Authorize tap-lever with Lever's OAuth and save the refresh token in the config.")
final class LoginCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new taplever.error.InputException("login is not available yet");
  }
}
