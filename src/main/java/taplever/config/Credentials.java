package taplever.config;

/** How the tap authenticates: a Super Admin's API key, or a partner OAuth app. */
public sealed interface Credentials {

  /** A short name for messages ("API key", "OAuth"). */
  String mode();

  record ApiKey(Secret key) implements Credentials {
    @Override
    public String mode() {
      return "API key";
    }
  }

  /** {@code refreshToken} is the newest one known when the config was read; Lever rotates it. */
  record OAuth(String clientId, Secret clientSecret, Secret refreshToken, String tokenUrl)
      implements Credentials {
    @Override
    public String mode() {
      return "OAuth";
    }
  }
}
