package taplever.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taplever.fake.FakeLeverClient.KEY;
import static taplever.fake.FakeLeverClient.basic;
import static taplever.fake.FakeLeverClient.get;
import static taplever.fake.FakeLeverClient.refresh;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import taplever.fake.FakeLeverClient.Reply;

/** Scopes, confidential access and add-ons: the 403s a {@code check} command must see. */
class PermissionsTest {
  private static FakeLeverOptions small() {
    return FakeLeverOptions.defaults().withOpportunities(24).withRateLimit(false);
  }

  /** Every endpoint (with a real id) and the scopes it needs. */
  private static Map<String, Set<String>> endpoints(FakeDataset data) {
    String opp = data.opportunityIds().get(0);
    String contact = data.records("opportunities").get(0).get("contact").asText();
    Map<String, Set<String>> e = new LinkedHashMap<>();
    String opportunities = "opportunities:read:admin";
    e.put("/opportunities", Set.of(opportunities));
    e.put("/opportunities/" + opp, Set.of(opportunities));
    e.put("/opportunities/deleted", Set.of(opportunities));
    e.put("/opportunities?expand=applications", Set.of(opportunities, "applications:read:admin"));
    e.put("/opportunities?expand=contact", Set.of(opportunities, "contact:read:admin"));
    e.put("/candidates", Set.of(opportunities));
    e.put("/candidates/" + opp, Set.of(opportunities));
    for (ChildKind kind : ChildKind.values()) {
      e.put("/opportunities/" + opp + "/" + kind.path(), Set.of(kind.path() + ":read:admin"));
      e.put("/candidates/" + opp + "/" + kind.path(), Set.of(kind.path() + ":read:admin"));
    }
    e.put("/contacts/" + contact, Set.of("contact:read:admin"));
    e.put("/postings", Set.of("postings:read:admin"));
    e.put("/postings/deleted", Set.of("postings:read:admin"));
    e.put("/eeo/responses/pii", Set.of("eeo_responses_pii:read:admin"));
    for (String list : Route.ACCOUNT_LISTS) {
      e.put("/" + list, Set.of(list + ":read:admin"));
    }
    return e;
  }

  @Test
  void eachDeniedScopeForbidsExactlyTheEndpointsThatNeedIt() throws Exception {
    Map<String, Set<String>> endpoints;
    try (FakeLever probe = FakeLever.start(small())) {
      endpoints = endpoints(probe.dataset());
      for (String path : endpoints.keySet()) {
        assertEquals(200, get(probe, "/v1" + path, KEY).status(), "allowed by default: " + path);
      }
    }
    Set<String> scopes = new TreeSet<>();
    endpoints.values().forEach(scopes::addAll);
    assertTrue(scopes.size() >= 20, scopes.toString());
    for (String scope : scopes) {
      try (FakeLever lever = FakeLever.start(small().withDeniedScopes(Set.of(scope)))) {
        for (Map.Entry<String, Set<String>> e : endpoints(lever.dataset()).entrySet()) {
          Reply reply = get(lever, "/v1" + e.getKey(), KEY);
          int expected = e.getValue().contains(scope) ? 403 : 200;
          assertEquals(expected, reply.status(), scope + " denied, GET " + e.getKey());
          if (expected == 403) {
            assertEquals("Forbidden", reply.body().get("code").asText());
            assertEquals(EndpointScopes.FORBIDDEN, reply.body().get("message").asText());
          }
        }
      }
    }
  }

  @Test
  void withoutConfidentialAccessAskingForConfidentialRecordsIs403() throws Exception {
    try (FakeLever lever =
        FakeLever.start(small().withOpportunities(150).withConfidentialAccess(false))) {
      for (String stream : List.of("opportunities", "postings", "requisitions")) {
        assertEquals(200, get(lever, "/v1/" + stream, KEY).status());
        for (String value : List.of("all", "confidential")) {
          Reply reply = get(lever, "/v1/" + stream + "?confidentiality=" + value, KEY);
          assertEquals(403, reply.status(), stream + " " + value);
          assertEquals("Forbidden", reply.body().get("code").asText());
        }
      }
      String confidential =
          lever.dataset().records("opportunities").stream()
              .filter(o -> "confidential".equals(o.path("confidentiality").asText()))
              .map(o -> o.get("id").asText())
              .findFirst()
              .orElseThrow();
      assertEquals(403, get(lever, "/v1/opportunities/" + confidential, KEY).status());
      Reply token = refresh(lever, "fake-client-id", "fake-client-secret", "fake-refresh-0");
      assertFalse(
          token.body().get("scope").asText().contains(EndpointScopes.CONFIDENTIAL),
          "the token is not granted what the account lacks");
    }
  }

  @Test
  void withoutAddOnsAuditEventsAndEeoResponsesAre403() throws Exception {
    try (FakeLever lever = FakeLever.start(small().withAddOns(false))) {
      for (String path : List.of("/audit_events", "/eeo/responses/pii")) {
        Reply reply = get(lever, "/v1" + path, KEY);
        assertEquals(403, reply.status(), path);
        assertEquals("Forbidden", reply.body().get("code").asText());
        assertEquals(EndpointScopes.ADD_ON_MISSING, reply.body().get("message").asText());
      }
      assertEquals(200, get(lever, "/v1/users", KEY).status());
      assertEquals(200, get(lever, "/v1/opportunities", KEY).status());
    }
  }

  @Test
  void deniedScopesApplyToOAuthTokensAndTheOtherKeyToo() throws Exception {
    try (FakeLever lever = FakeLever.start(small().withDeniedScopes(Set.of("notes:read:admin")))) {
      String opp = lever.dataset().opportunityIds().get(0);
      Reply token = refresh(lever, "fake-client-id", "fake-client-secret", "fake-refresh-0");
      assertEquals(200, token.status());
      assertFalse(token.body().get("scope").asText().contains("notes:read:admin"));
      assertTrue(token.body().get("scope").asText().contains("contact:read:admin"));
      String bearer = "Bearer " + token.body().get("access_token").asText();
      assertEquals(403, get(lever, "/v1/opportunities/" + opp + "/notes", bearer).status());
      assertEquals(200, get(lever, "/v1/opportunities/" + opp + "/offers", bearer).status());
      assertEquals(200, get(lever, "/v1/opportunities?confidentiality=all", bearer).status());
      assertEquals(
          403,
          get(lever, "/v1/opportunities/" + opp + "/notes", basic("fake-key-no-confidential"))
              .status());
    }
  }

  @Test
  void enforcedTokenScopesLimitATokenToWhatItWasGranted() throws Exception {
    try (FakeLever lever = FakeLever.start(small().withTokenScopesEnforced(true))) {
      String bearer = authorized(lever, "offline_access opportunities:write:admin");
      assertEquals(200, get(lever, "/v1/opportunities", bearer).status(), "write implies read");
      assertEquals(403, get(lever, "/v1/users", bearer).status());
      assertEquals(403, get(lever, "/v1/opportunities?expand=applications", bearer).status());
      String legacy = authorized(lever, "offline_access candidates:read:admin");
      assertEquals(200, get(lever, "/v1/candidates", legacy).status(), "legacy candidates scope");
      assertEquals(403, get(lever, "/v1/opportunities", legacy).status());
      assertEquals(200, get(lever, "/v1/users", KEY).status(), "the API key is not limited");
    }
  }

  /** A bearer header for a token granted {@code scope} through the authorization-code flow. */
  private static String authorized(FakeLever lever, String scope) throws Exception {
    String redirect = "http://127.0.0.1:9/cb";
    var reply =
        FakeLeverClient.HTTP.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        lever.authorizeUrl()
                            + "?client_id=fake-client-id&response_type=code&redirect_uri="
                            + FakeLeverClient.encode(redirect)
                            + "&scope="
                            + FakeLeverClient.encode(scope)))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.discarding());
    String location = reply.headers().firstValue("Location").orElseThrow();
    String code = location.substring(location.indexOf("code=") + 5);
    Reply tokens =
        FakeLeverClient.postForm(
            lever,
            "grant_type=authorization_code&client_id=fake-client-id&client_secret=fake-client-secret"
                + "&code="
                + code
                + "&redirect_uri="
                + FakeLeverClient.encode(redirect));
    assertEquals(200, tokens.status(), tokens.body().toString());
    return "Bearer " + tokens.body().get("access_token").asText();
  }
}
