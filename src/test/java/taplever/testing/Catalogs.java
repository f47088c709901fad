package taplever.testing;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Catalog JSON for tests: these streams selected, every field, the rest of the catalog left out. */
public final class Catalogs {
  private Catalogs() {}

  public static String selecting(String... streams) {
    return "{\"streams\": [" + Arrays.stream(streams)
        .map(s -> "{\"tap_stream_id\": \"" + s + "\", \"stream\": \"" + s + "\", \"schema\": {},"
            + " \"metadata\": [{\"breadcrumb\": [], \"metadata\": {\"selected\": true}}]}")
        .collect(Collectors.joining(", ")) + "]}";
  }
}
