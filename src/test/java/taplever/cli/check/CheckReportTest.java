package taplever.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckReportTest {

  @Test
  void aDetailCannotBreakTheTableButTheJsonKeepsItWhole() {
    String detail = "Lever answered 422 for /users: a\nFAKE ROW\u202E";
    StreamCheck users = StreamCheck.of("users", StreamCheck.Verdict.ERROR, detail);
    CheckReport report = new CheckReport(List.of(users),
        ConfidentialAccess.unknown("GET /opportunities could not be read: b\r\nx"), "API key",
        "api_key", "us", "https://api.lever.co", Optional.empty(),
        Optional.of(StreamCheck.of("users", StreamCheck.Verdict.ERROR, "c\u0000")));

    String text = report.text();
    assertEquals(8, text.lines().count(), text);
    assertFalse(text.contains("\u202E") || text.contains("\r") || text.contains("\u0000"), text);
    assertTrue(text.contains("  users   error   Lever answered 422 for /users: a\\nFAKE ROW\\u202E"),
        text);
    assertTrue(text.contains("could not be read: b\\r\\nx)"), text);
    assertTrue(text.contains("API key, not confirmed (c\\u0000)"), text);
    assertEquals(detail, report.json(new ObjectMapper()).at("/streams/0/detail").asText());
  }
}
