package taplever.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final DateTimeFormatter HTTP =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  private static Response answer(String retryAfter, String date) {
    Response.Builder b = new Response.Builder()
        .request(new Request.Builder().url("https://api.lever.co/v1/users").build())
        .protocol(Protocol.HTTP_1_1).code(429).message("x")
        .receivedResponseAtMillis(NOW.toEpochMilli());
    if (retryAfter != null) {
      b.header("Retry-After", retryAfter);
    }
    if (date != null) {
      b.header("Date", date);
    }
    return b.build();
  }

  @Test
  void readsSeconds() {
    assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.of(answer(" 120 ", null)));
  }

  @Test
  void readsAnHttpDateFromTheAnswersDateOrWhenItArrived() {
    String in30s = HTTP.format(NOW.plusSeconds(30));
    assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.of(answer(in30s, null)));
    assertEquals(Optional.of(Duration.ofSeconds(20)),
        RetryAfter.of(answer(in30s, HTTP.format(NOW.plusSeconds(10)))));
  }

  @Test
  void aPastDateMeansNow() {
    assertEquals(Optional.of(Duration.ZERO),
        RetryAfter.of(answer(HTTP.format(NOW.minusSeconds(5)), null)));
  }

  @Test
  void missingOrUnreadableMeansNoAdvice() {
    assertEquals(Optional.empty(), RetryAfter.of(answer(null, null)));
    assertEquals(Optional.empty(), RetryAfter.of(answer("soon", null)));
    assertEquals(Optional.empty(), RetryAfter.of(answer("-5", null)));
  }
}
