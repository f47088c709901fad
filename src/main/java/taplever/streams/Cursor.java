package taplever.streams;

import java.time.Duration;
import java.util.Optional;

/**
 * The field a stream is bookmarked on, and how Lever limits a list to a window of it.
 *
 * @param key the record's field, epoch milliseconds in Lever's payload
 * @param filter Lever's window parameters, or none
 */
public record Cursor(String key, Filter filter) {

  /** How a list is narrowed to {@code [start, end]} of the key. */
  public sealed interface Filter {}

  /**
   * Lever filters on the server with inclusive {@code startParam}/{@code endParam} (epoch ms).
   *
   * @param fallbackKey Lever leaves the key out of some records (old opportunities without
   *     {@code updatedAt}) and its filter never returns those: a pass that must see every record
   *     reads without the filter and judges such records by this key instead
   * @param longest the longest window Lever answers, if it refuses longer ones: a longer window
   *     is read as consecutive windows of at most this length
   */
  public record ServerWindow(String startParam, String endParam, Optional<String> fallbackKey,
      Optional<Duration> longest) implements Filter {

    public ServerWindow(String startParam, String endParam, Optional<String> fallbackKey) {
      this(startParam, endParam, fallbackKey, Optional.empty());
    }
  }

  /** No server filter exists: every page is read and records are kept by their key here. */
  public record ClientSide() implements Filter {}

  /** Lever's window parameters, when it filters on the server. */
  public Optional<ServerWindow> serverWindow() {
    return filter instanceof ServerWindow w ? Optional.of(w) : Optional.empty();
  }

  /** The key to judge a record by where Lever leaves the key out, if it may. */
  public Optional<String> fallbackKey() {
    return filter instanceof ServerWindow w ? w.fallbackKey() : Optional.empty();
  }
}
