package taplever.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Lever's data centres and their hosts (reference §1). */
public enum Region {
  US("https://api.lever.co/v1", "https://auth.lever.co/authorize",
      "https://auth.lever.co/oauth/token", "https://api.lever.co/v1/"),
  EU("https://api.eu.lever.co/v1", "https://auth.lever.co/authorize",
      "https://auth.lever.co/oauth/token", "https://api.lever.co/v1/"),
  SANDBOX("https://api.sandbox.lever.co/v1", "https://sandbox-lever.auth0.com/authorize",
      "https://sandbox-lever.auth0.com/oauth/token", "https://api.sandbox.lever.co/v1/");

  private final String baseUrl;
  private final String authorizeUrl;
  private final String tokenUrl;
  private final String audience;

  Region(String baseUrl, String authorizeUrl, String tokenUrl, String audience) {
    this.baseUrl = baseUrl;
    this.authorizeUrl = authorizeUrl;
    this.tokenUrl = tokenUrl;
    this.audience = audience;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public String authorizeUrl() {
    return authorizeUrl;
  }

  public String tokenUrl() {
    return tokenUrl;
  }

  /** The {@code audience} of the authorize request; Lever wants the trailing slash. */
  public String audience() {
    return audience;
  }

  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Region> parse(String name) {
    return Arrays.stream(values()).filter(r -> r.configName().equals(name)).findFirst();
  }

  public static String names() {
    return Arrays.stream(values()).map(Region::configName).collect(Collectors.joining(", "));
  }
}
