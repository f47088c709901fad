package taplever.cli.login;

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

  @Test
  void aChildNeedsItsOwnScopeAndWhatListingItsParentNeeds() {
    assertEquals(Set.of("confidential:access:admin", "offers:read:admin",
        "opportunities:read:admin"), LoginScopes.needs(List.of(stream("opportunity_offers"))));
    assertEquals(Set.of("confidential:access:admin", "postings:read:admin"),
        LoginScopes.needs(List.of(stream("posting_tags"))));
    assertEquals(Set.of("users:read:admin"), LoginScopes.needs(List.of(stream("users"))));
    assertEquals(Set.of("audit_events:read:admin", "stages:read:admin"),
        LoginScopes.needs(List.of(stream("audit_events"), stream("stages"))));
  }

  @Test
  void noSelectionEverAsksForTheLegacyCandidatesScope() {
    // Lever's scope list (reference §2.2) has no candidates scope; the deprecated endpoints
    // answer to the opportunity scopes.
    for (StreamSpec s : LeverStreams.ALL) {
      assertTrue(!LoginScopes.needs(List.of(s)).contains("candidates:read:admin"), s.name());
    }
    assertTrue(!LoginScopes.needs(LeverStreams.ALL).contains("candidates:read:admin"));
    assertTrue(LoginScopes.needs(List.of(stream("candidates"))).contains("opportunities:read:admin"));
    assertTrue(LoginScopes.needs(List.of(stream("candidate_offers")))
        .contains("opportunities:read:admin"));
  }

  @Test
  void everyScopeAskedForIsOneLeverLists() {
    Set<String> lever = Set.of("offline_access", "opportunities:read:admin",
        "applications:read:admin", "archive_reasons:read:admin", "audit_events:read:admin",
        "confidential:access:admin", "contact:read:admin", "eeo_responses_pii:read:admin",
        "feedback:read:admin", "feedback_templates:read:admin", "files:read:admin",
        "forms:read:admin", "form_templates:read:admin", "interviews:read:admin",
        "notes:read:admin", "offers:read:admin", "panels:read:admin", "postings:read:admin",
        "referrals:read:admin", "requisitions:read:admin", "requisition_fields:read:admin",
        "resumes:read:admin", "sources:read:admin", "stages:read:admin", "tags:read:admin",
        "users:read:admin");
    for (String scope : LoginScopes.needs(LeverStreams.ALL)) {
      assertTrue(lever.contains(scope), scope);
    }
  }

  private static StreamSpec stream(String name) {
    return LeverStreams.find(name).orElseThrow();
  }
}
