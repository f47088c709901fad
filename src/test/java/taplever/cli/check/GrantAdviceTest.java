package taplever.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GrantAdviceTest {

  @Test
  void pathsAShellWouldSplitOrExpandAreSingleQuoted() {
    assertEquals("config/prod.json", GrantAdvice.quoted("config/prod.json"));
    assertEquals("'my config.json'", GrantAdvice.quoted("my config.json"));
    assertEquals("'it'\\''s.json'", GrantAdvice.quoted("it's.json"));
    assertEquals("'$HOME/c.json'", GrantAdvice.quoted("$HOME/c.json"));
    assertEquals("'a b offline_access'", GrantAdvice.quoted("a b offline_access"));
  }
}
