package taplever.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import taplever.error.InputException;
import taplever.streams.LeverStreams;
import taplever.streams.StreamSpec;

class LoginScopesTest {

  @Test
  void defaultsCoverTheDefaultStreamsSortedWithOfflineAccess() {
    List<String> scopes = List.of(LoginScopes.resolve(null, Optional.empty()).split(" "));
    assertEquals(scopes.stream().sorted().distinct().toList(), scopes);
    assertTrue(scopes.contains("offline_access"));
    for (StreamSpec s : LeverStreams.ALL) {
      if (s.selectedByDefault()) {
        assertTrue(scopes.contains(s.access().scope()), s.name());
        if (s.access().confidential()) {
          assertTrue(scopes.contains("confidential:access:admin"), s.name());
        }
      }
    }
  }

  @Test
  void theOptionWinsOverTheConfig() {
    assertEquals("b:read:admin offline_access", LoginScopes.resolve(" b:read:admin b:read:admin ",
        Optional.of("a:read:admin")));
    assertEquals("a:read:admin offline_access", LoginScopes.resolve(null,
        Optional.of("offline_access a:read:admin")));
  }

  @Test
  void badScopesAreInputErrors() {
    assertThrows(InputException.class, () -> LoginScopes.resolve("  ", Optional.empty()));
    assertThrows(InputException.class, () -> LoginScopes.resolve("a\"b", Optional.empty()));
  }

  @Test
  void missingListsWhatLeverDidNotGrant() {
    assertEquals(Set.of("b"), LoginScopes.missing("a b offline_access", "offline_access a"));
    assertEquals(Set.of(), LoginScopes.missing("a b", ""));
  }
}
