package taplever.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

/**
 * How Lever's answers are read: numbers exactly (a decimal stays the decimal Lever sent), and
 * strings up to {@link #MAX_STRING_LENGTH} characters. Jackson's default (20 M) is below what a
 * Lever field can hold (a resume's text, a long note thread), and a page over it failed on every
 * rerun; past this limit the page fails with a message naming the limit and the endpoint.
 */
public final class LeverJson {
  public static final int MAX_STRING_LENGTH = 100_000_000;

  private LeverJson() {
  }

  public static ObjectMapper pages() {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength(MAX_STRING_LENGTH).build())
        .build();
    return new ObjectMapper(factory)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
  }
}
