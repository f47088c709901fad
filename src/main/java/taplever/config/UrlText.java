package taplever.config;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import taplever.error.InputException;

/**
 * Config URLs in messages, and the rules they must follow. A URL can carry a password
 * ({@code https://user:PASSWORD@host}) or a key ({@code ?api_key=...}), so a message shows only
 * {@code scheme://host[:port]/path}, whatever the URL held.
 */
public final class UrlText {
  private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  private UrlText() {}

  /**
   * The URL for a message: {@code scheme://host[:port]/path}, never its userinfo, query or
   * fragment. A text that does not parse as a URL loses the same parts by pattern.
   */
  public static String display(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getScheme() != null && uri.getHost() != null) {
        return uri.getScheme() + "://" + uri.getHost()
            + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
            + (uri.getRawPath() == null ? "" : uri.getRawPath());
      }
    } catch (URISyntaxException e) {
      // handled below
    }
    String cut = url.replaceAll("[?#].*", "");
    cut = cut.replaceAll("^([^:/?#]*://)?[^/?#]*@", "$1");
    return clipped(cut.replaceAll("\\p{Cntrl}", ""));
  }

  /**
   * https only, except plain http to this machine (tests, the fake server); never a user name or
   * password. Returns the URL as given.
   */
  static String checked(String key, String value) {
    String shown = display(value);
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new InputException("config key '" + key + "' is not a valid URL (" + shown + ")");
    }
    if (uri.getRawUserInfo() != null || rawAuthority(uri).contains("@")) {
      throw new InputException("config key '" + key + "' must be https://host/path without a user"
          + " name or password (put credentials in their own keys), not " + shown);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new InputException("config key '" + key + "' must be https://host/path, not " + shown);
    }
    String host;
    try {
      host = IDN.toASCII(uri.getHost()).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new InputException("config key '" + key + "' has a host name that is not a valid"
          + " domain name (each dot-separated label must be 1 to 63 characters, and IDNA must"
          + " accept its characters): " + shown);
    }
    // URI takes any digits as a port; the HTTP client only 1 to 65535.
    if (uri.getPort() == 0 || uri.getPort() > 65_535) {
      throw new InputException("config key '" + key + "' has port " + uri.getPort() + ", which"
          + " is not a TCP port (1 to 65535): " + shown);
    }
    if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(host))) {
      throw new InputException("config key '" + key + "' must use https (plain http is allowed"
          + " only for 127.0.0.1, localhost or [::1]), not " + shown);
    }
    // What the requests are built from: a URL it cannot take would fail them all, mid-run.
    if (HttpUrl.parse(value) == null) {
      throw new InputException("config key '" + key + "' is not a URL the HTTP client can use ("
          + shown + ")");
    }
    return value;
  }

  private static String rawAuthority(URI uri) {
    return uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost") || LOOPBACK_V4.matcher(host).matches()
        || host.equals("[::1]") || host.equals("::1");
  }

  private static String clipped(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
