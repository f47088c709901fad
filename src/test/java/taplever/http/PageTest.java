package taplever.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import taplever.error.LeverApiException;
import taplever.testing.RecordingLogs;

class PageTest {
  private final ObjectMapper mapper = new ObjectMapper();

  private Page parse(String json) throws Exception {
    return Page.parse(mapper.readTree(json), "/tags", new RecordingLogs().getLogger("test"));
  }

  @Test
  void readsDataHasNextAndNext() throws Exception {
    Page page = parse("{\"data\":[{\"text\":\"a\"},{\"text\":\"b\"}],\"hasNext\":true,"
        + "\"next\":\"%5B1%5D\"}");
    assertEquals(List.of("a", "b"), page.data().stream().map(r -> r.get("text").asText()).toList());
    assertEquals(Optional.of("%5B1%5D"), page.next());
  }

  @Test
  void aMissingHasNextMeansTheLastPage() throws Exception {
    Page page = parse("{\"data\":[]}");
    assertFalse(page.hasNext());
    assertEquals(Optional.empty(), page.next());
  }

  @Test
  void nullEntriesAreSkipped() throws Exception {
    assertEquals(1, parse("{\"data\":[null,{\"text\":\"a\"},null]}").data().size());
  }

  @Test
  void aSingleObjectAsDataIsOneRecord() throws Exception {
    assertEquals(1, parse("{\"data\":{\"text\":\"a\"}}").data().size());
  }

  @Test
  void aNonObjectEntryIsAnError() {
    LeverApiException e = assertThrows(LeverApiException.class,
        () -> parse("{\"data\":[{\"text\":\"a\"},\"b\"]}"));
    assertEquals("Lever answered /tags with a 'data' entry that is not an object (STRING)",
        e.getMessage());
  }

  @Test
  void missingOrScalarDataIsAnError() {
    for (String json : List.of("{}", "{\"data\":null}", "{\"data\":3}", "[]")) {
      LeverApiException e = assertThrows(LeverApiException.class, () -> parse(json), json);
      assertEquals("Lever answered /tags without a 'data' list", e.getMessage());
    }
  }

  @Test
  void hasNextWithAnEmptyNextIsAnError() {
    LeverApiException e = assertThrows(LeverApiException.class,
        () -> parse("{\"data\":[],\"hasNext\":true,\"next\":\"\"}"));
    assertEquals("Lever said hasNext but gave no next token for /tags", e.getMessage());
  }
}
