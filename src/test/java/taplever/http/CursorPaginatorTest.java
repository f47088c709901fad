package taplever.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import taplever.error.LeverApiException;

class CursorPaginatorTest {
  private final List<Optional<String>> asked = new ArrayList<>();
  private final Deque<Page<List<Object>>> script = new ArrayDeque<>();

  @SafeVarargs
  private CursorPaginator<List<Object>> paginator(Optional<String> start, Page<List<Object>>... pages) {
    script.addAll(List.of(pages));
    return new CursorPaginator<>(offset -> {
      asked.add(offset);
      return script.removeFirst();
    }, "/opportunities", start);
  }

  private static Page<List<Object>> more(String next) {
    return new Page<>(List.of(), true, Optional.of(next));
  }

  private static Page<List<Object>> last() {
    return new Page<>(List.of(), false, Optional.empty());
  }

  @Test
  void followsNextUntilHasNextIsFalse() {
    var pages = paginator(Optional.empty(), more("a"), more("b"), last());
    List<Optional<String>> resume = new ArrayList<>();
    while (pages.hasMore()) {
      pages.nextPage();
      resume.add(pages.resumeToken());
    }
    assertEquals(List.of(Optional.empty(), Optional.of("a"), Optional.of("b")), asked);
    assertEquals(List.of(Optional.of("a"), Optional.of("b"), Optional.empty()), resume);
  }

  @Test
  void stopsWhenHasNextIsFalseEvenIfANextTokenIsPresent() {
    var pages = paginator(Optional.empty(),
        new Page(List.of(), false, Optional.of("stale")));
    pages.nextPage();
    assertFalse(pages.hasMore());
    assertEquals(Optional.empty(), pages.resumeToken());
  }

  @Test
  void resumesFromTheGivenOffset() {
    var pages = paginator(Optional.of("saved"), last());
    assertEquals(Optional.of("saved"), pages.resumeToken());
    pages.nextPage();
    assertEquals(List.of(Optional.of("saved")), asked);
  }

  @Test
  void aRepeatedTokenIsAnError() {
    var pages = paginator(Optional.empty(), more("a"), more("b"), more("a"));
    pages.nextPage();
    pages.nextPage();
    LeverApiException e = assertThrows(LeverApiException.class, pages::nextPage);
    assertEquals("Lever returned the same next token twice for /opportunities; stopping instead"
        + " of looping", e.getMessage());
    assertEquals(200, e.status());
  }

  @Test
  void aTokenEqualToTheStartOffsetIsARepeat() {
    var pages = paginator(Optional.of("x"), more("x"));
    assertThrows(LeverApiException.class, pages::nextPage);
  }

  @Test
  void hasNextWithoutATokenIsAnError() {
    var pages = paginator(Optional.empty(), new Page(List.of(), true, Optional.of("")));
    LeverApiException e = assertThrows(LeverApiException.class, pages::nextPage);
    assertEquals("Lever said hasNext but gave no next token for /opportunities", e.getMessage());
  }

  @Test
  void askingPastTheEndIsAProgrammingError() {
    var pages = paginator(Optional.empty(), last());
    assertTrue(pages.hasMore());
    pages.nextPage();
    assertThrows(NoSuchElementException.class, pages::nextPage);
  }
}
