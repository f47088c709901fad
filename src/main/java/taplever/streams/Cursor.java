package taplever.streams;

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
   */
  public record ServerWindow(String startParam, String endParam, Optional<String> fallbackKey)
      implements Filter {}

  /** No server filter exists: every page is read and records are kept by their key here. */
  public record ClientSide() implements Filter {}

  /** The key, or the fallback key where Lever may leave the key out. */
  public Optional<String> fallbackKey() {
    return filter instanceof ServerWindow w ? w.fallbackKey() : Optional.empty();
  }
}
