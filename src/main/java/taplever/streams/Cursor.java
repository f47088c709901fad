package taplever.streams;

/** The field a stream can be bookmarked on, and how the window is applied. */
public record Cursor(String key, CursorFilter filter) {}
