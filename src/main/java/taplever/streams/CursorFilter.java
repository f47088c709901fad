package taplever.streams;

/** How a stream's records are limited to the sync window. */
public sealed interface CursorFilter {

  /**
   * Lever filters on the server with inclusive {@code startParam}/{@code endParam} (epoch ms).
   *
   * @param keyMayBeMissing Lever leaves the key out of some records (old opportunities without
   *     {@code updatedAt}) and its filter never returns those; the first sync (no bookmark) then
   *     reads without the filter and keeps records by the key, or {@code createdAt} when absent.
   */
  record ServerWindow(String startParam, String endParam, boolean keyMayBeMissing)
      implements CursorFilter {}

  /** No server-side filter exists: every page is read and records are kept by their key. */
  record ClientSide() implements CursorFilter {}
}
