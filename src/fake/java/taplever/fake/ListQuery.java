package taplever.fake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request's path and decoded query parameters (repeatable, in order), with Lever's parameter
 * parsing rules.
 */
final class ListQuery {
  static final int DEFAULT_LIMIT = 100;
  private final String path;
  private final Map<String, List<String>> params;

  private ListQuery(String path, Map<String, List<String>> params) {
    this.path = path;
    this.params = params;
  }

  /**
   * Parses {@code rawQuery} (still percent-encoded, may be null); every name and value is decoded
   * once.
   */
  static ListQuery parse(String path, String rawQuery) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    return new ListQuery(path, params);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("Malformed query string");
    }
  }

  String path() {
    return path;
  }

  String first(String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  List<String> all(String name) {
    return params.getOrDefault(name, Collections.emptyList());
  }

  boolean has(String name) {
    return params.containsKey(name);
  }

  Set<String> names() {
    return params.keySet();
  }

  /** {@code limit}: 1..100, default 100; anything else is a 400. */
  int limit() {
    String raw = first("limit");
    if (raw == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(raw.trim());
      if (limit >= 1 && limit <= 100) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw ApiError.badRequest(
        "Invalid limit: must be an integer between 1 and 100, got '" + raw + "'");
  }

  /** An epoch-millisecond parameter, or null when absent; a malformed value is a 400. */
  Long millis(String name) {
    String raw = first(name);
    if (raw == null) {
      return null;
    }
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(
          "Invalid " + name + ": expected a timestamp in milliseconds, got '" + raw + "'");
    }
  }

  /** A {@code true}/{@code false} parameter, or null when absent; anything else is a 400. */
  Boolean bool(String name) {
    String raw = first(name);
    if (raw == null) {
      return null;
    }
    if ("true".equalsIgnoreCase(raw)) {
      return Boolean.TRUE;
    }
    if ("false".equalsIgnoreCase(raw)) {
      return Boolean.FALSE;
    }
    throw ApiError.badRequest("Invalid " + name + ": expected true or false, got '" + raw + "'");
  }

  /** Path plus every parameter except {@code offset}, sorted: what an offset token is bound to. */
  String canonicalWithoutOffset() {
    List<String> pairs = new ArrayList<>();
    params.forEach(
        (name, values) -> {
          if (!"offset".equals(name)) {
            values.forEach(v -> pairs.add(name + "=" + v));
          }
        });
    Collections.sort(pairs);
    return path + "?" + String.join("&", pairs);
  }
}
