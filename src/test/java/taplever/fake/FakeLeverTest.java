package taplever.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taplever.fake.FakeLeverClient.HTTP;
import static taplever.fake.FakeLeverClient.JSON;
import static taplever.fake.FakeLeverClient.KEY;
import static taplever.fake.FakeLeverClient.b64;
import static taplever.fake.FakeLeverClient.basic;
import static taplever.fake.FakeLeverClient.encode;
import static taplever.fake.FakeLeverClient.get;
import static taplever.fake.FakeLeverClient.postForm;
import static taplever.fake.FakeLeverClient.rawGet;
import static taplever.fake.FakeLeverClient.refresh;
import static taplever.fake.FakeLeverClient.walk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import taplever.fake.FakeLeverClient.RawReply;
import taplever.fake.FakeLeverClient.Reply;
import taplever.testing.SteppedClock;

class FakeLeverTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  private static FakeLever shared;

  @BeforeAll
  static void startShared() throws IOException {
    shared = FakeLever.start(FakeLeverOptions.defaults().withRateLimit(false));
  }

  @AfterAll
  static void stopShared() {
    shared.close();
  }

  // ---- pagination ---------------------------------------------------------------------------

  @Test
  void paginationWithLimit7VisitsEveryOpportunityExactlyOnceNewestFirst() throws Exception {
    List<String> tokens = new ArrayList<>();
    List<JsonNode> walked = walk(shared, "/opportunities", "confidentiality=all&limit=7", tokens);

    List<String> expected =
        shared.dataset().records("opportunities").stream().map(n -> n.get("id").asText()).toList();
    List<String> ids = walked.stream().map(n -> n.get("id").asText()).toList();
    assertEquals(200, expected.size());
    assertEquals(expected, ids, "every opportunity once, in the dataset's order");
    assertEquals(Set.copyOf(ids).size(), ids.size());
    assertEquals(28, tokens.size(), "ceil(200 / 7) = 29 pages, so 28 next tokens");
    for (int i = 1; i < walked.size(); i++) {
      long previous = walked.get(i - 1).get("createdAt").asLong();
      assertTrue(previous >= walked.get(i).get("createdAt").asLong(), "createdAt descending");
    }
    for (String token : tokens) {
      assertTrue(token.startsWith("%5B") && token.contains("%2C") && token.contains("%22"), token);
    }
  }

  @Test
  void tokenIsAcceptedRawOrOnceDecodedAndLastPageHasNoNext() throws Exception {
    JsonNode first = get(shared, "/v1/stages?limit=5", KEY).body();
    String next = first.get("next").asText();
    JsonNode encoded = get(shared, "/v1/stages?limit=5&offset=" + encode(next), KEY).body();
    JsonNode verbatim = get(shared, "/v1/stages?limit=5&offset=" + next, KEY).body();
    assertEquals(encoded, verbatim);
    assertEquals(3, encoded.get("data").size());
    assertFalse(encoded.get("hasNext").asBoolean());
    assertFalse(encoded.has("next"), "no next on the last page");
  }

  @Test
  void tokenReusedWithAnotherQueryOrGarbageIsInvalidOffset400() throws Exception {
    String next = get(shared, "/v1/opportunities?limit=5", KEY).body().get("next").asText();
    for (String query :
        List.of(
            "limit=5&archived=true&offset=" + encode(next),
            "limit=6&offset=" + encode(next),
            "limit=5&offset=not-a-token",
            "limit=5&offset=" + encode("%5B1%2C2%5D"))) {
      Reply reply = get(shared, "/v1/opportunities?" + query, KEY);
      assertEquals(400, reply.status(), query);
      assertEquals("BadRequest", reply.body().get("code").asText());
      assertEquals(
          "Invalid offset token: Offset token is invalid for sort",
          reply.body().get("message").asText());
    }
    String usersNext = get(shared, "/v1/users?limit=1", KEY).body().get("next").asText();
    assertEquals(
        400, get(shared, "/v1/postings?limit=1&offset=" + encode(usersNext), KEY).status());
  }

  @Test
  void limitOutsideOneToHundredIs400() throws Exception {
    for (String limit : List.of("0", "101", "abc")) {
      Reply reply = get(shared, "/v1/users?limit=" + limit, KEY);
      assertEquals(400, reply.status(), limit);
      assertEquals("BadRequest", reply.body().get("code").asText());
    }
    assertEquals(100, get(shared, "/v1/opportunities", KEY).body().get("data").size());
  }

  @Test
  void childListsPaginateAndCandidateTwinsAnswerTheSame() throws Exception {
    Map<String, Integer> feedbackPerOpportunity = new LinkedHashMap<>();
    for (ObjectNode f : shared.dataset().records("opportunity_feedback")) {
      feedbackPerOpportunity.merge(f.get("opportunityId").asText(), 1, Integer::sum);
    }
    String busy =
        feedbackPerOpportunity.entrySet().stream()
            .filter(e -> e.getValue() >= 3)
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow();
    List<String> tokens = new ArrayList<>();
    List<JsonNode> pages = walk(shared, "/opportunities/" + busy + "/feedback", "limit=1", tokens);
    assertEquals(feedbackPerOpportunity.get(busy), pages.size());
    assertEquals(pages.size() - 1, tokens.size());
    assertEquals(
        get(shared, "/v1/opportunities/" + busy + "/offers", KEY).body(),
        get(shared, "/v1/candidates/" + busy + "/offers", KEY).body());
    assertEquals(404, get(shared, "/v1/opportunities/" + busy + "/nonsense", KEY).status());
  }

  // ---- filters ------------------------------------------------------------------------------

  @Test
  void confidentialRecordsAndDeactivatedUsersAreHiddenByDefault() throws Exception {
    for (String stream : List.of("opportunities", "postings", "requisitions")) {
      List<ObjectNode> all = shared.dataset().records(stream);
      long confidential =
          all.stream()
              .filter(n -> "confidential".equals(n.path("confidentiality").asText()))
              .count();
      assertTrue(confidential > 0, stream + " has confidential records");
      assertEquals(all.size() - confidential, walk(shared, "/" + stream, "", null).size(), stream);
      assertEquals(all.size(), walk(shared, "/" + stream, "confidentiality=all", null).size());
      List<JsonNode> only = walk(shared, "/" + stream, "confidentiality=confidential", null);
      assertEquals(confidential, only.size());
    }
    Reply forbidden =
        get(shared, "/v1/opportunities?confidentiality=all", basic("fake-key-no-confidential"));
    assertEquals(403, forbidden.status());
    assertEquals("Forbidden", forbidden.body().get("code").asText());

    List<ObjectNode> users = shared.dataset().records("users");
    long deactivated = users.stream().filter(u -> !u.get("deactivatedAt").isNull()).count();
    assertTrue(deactivated > 0);
    assertEquals(users.size() - deactivated, walk(shared, "/users", "", null).size());
    assertEquals(users.size(), walk(shared, "/users", "includeDeactivated=true", null).size());
  }

  @Test
  void updatedAtFiltersNeverReturnRecordsWithoutUpdatedAt() throws Exception {
    List<ObjectNode> all = shared.dataset().records("opportunities");
    long withoutUpdatedAt = all.stream().filter(n -> !n.has("updatedAt")).count();
    assertTrue(withoutUpdatedAt > 0, "some old records lack updatedAt");
    List<JsonNode> updated =
        walk(shared, "/opportunities", "confidentiality=all&updated_at_start=0", null);
    assertEquals(all.size() - withoutUpdatedAt, updated.size());
    assertTrue(updated.stream().allMatch(n -> n.has("updatedAt")));

    long mid = all.get(all.size() / 2).get("createdAt").asLong();
    List<JsonNode> window =
        walk(
            shared,
            "/opportunities",
            "confidentiality=all&created_at_start=" + mid + "&created_at_end=" + mid,
            null);
    assertEquals(1, window.size(), "both bounds inclusive");
    long archived = all.stream().filter(n -> n.get("archived").isObject()).count();
    assertEquals(
        archived, walk(shared, "/opportunities", "confidentiality=all&archived=true", null).size());
  }

  @Test
  void expandApplicationsEmbedsFullApplicationObjects() throws Exception {
    JsonNode plain = get(shared, "/v1/opportunities?limit=50", KEY).body().get("data");
    JsonNode expanded =
        get(shared, "/v1/opportunities?limit=50&expand=applications", KEY).body().get("data");
    int embedded = 0;
    for (int i = 0; i < plain.size(); i++) {
      JsonNode ids = plain.get(i).get("applications");
      JsonNode apps = expanded.get(i).get("applications");
      assertEquals(ids.size(), apps.size());
      for (int j = 0; j < ids.size(); j++) {
        assertTrue(ids.get(j).isTextual());
        assertEquals(ids.get(j).asText(), apps.get(j).get("id").asText());
        assertEquals(plain.get(i).get("id").asText(), apps.get(j).get("opportunityId").asText());
        embedded++;
      }
      ObjectNode withoutApps = ((ObjectNode) expanded.get(i).deepCopy());
      withoutApps.set("applications", ids);
      assertEquals(plain.get(i), withoutApps, "nothing else changes");
    }
    assertTrue(embedded > 30);
  }

  @Test
  void postingsUpdatedAtCombinedWithOtherParametersIs400() throws Exception {
    assertEquals(
        200, get(shared, "/v1/postings?updated_at_start=0&confidentiality=all", KEY).status());
    Reply reply = get(shared, "/v1/postings?updated_at_start=0&state=published", KEY);
    assertEquals(400, reply.status());
    assertEquals("BadRequest", reply.body().get("code").asText());
  }

  // ---- auth, limits, faults -----------------------------------------------------------------

  @Test
  void missingOrWrongCredentialsAre401AndOtherErrorsUseCodeMessage() throws Exception {
    for (String auth :
        new String[] {
          null, basic("wrong-key"), "Basic " + b64(":fake-api-key"), "Bearer nope", "Basic !!!"
        }) {
      Reply reply = get(shared, "/v1/opportunities", auth);
      assertEquals(401, reply.status(), String.valueOf(auth));
      assertEquals("Unauthorized", reply.body().get("code").asText());
      assertTrue(reply.body().get("message").isTextual());
    }
    Reply unknown = get(shared, "/v1/nothing-here", KEY);
    assertEquals(404, unknown.status());
    assertEquals("ResourceNotFound", unknown.body().get("code").asText());
    HttpResponse<String> post =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(shared.baseUrl() + "/stages"))
                .header("Authorization", KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(405, post.statusCode());
  }

  @Test
  void burstIsServedThen429WithRetryAfter() throws Exception {
    try (FakeLever lever =
        FakeLever.start(FakeLeverOptions.defaults().withOpportunities(5).withRateLimit(0.1, 5))) {
      for (int i = 0; i < 5; i++) {
        assertEquals(200, get(lever, "/v1/stages", KEY).status(), "request " + i);
      }
      Reply limited = get(lever, "/v1/stages", KEY);
      assertEquals(429, limited.status());
      assertEquals("TooManyRequests", limited.body().get("code").asText());
      assertEquals("10", limited.headers().firstValue("Retry-After").orElseThrow());
      assertEquals(
          200,
          get(lever, "/v1/stages", basic("fake-key-no-confidential")).status(),
          "buckets are per credential");
      assertEquals(1, lever.rateLimitedCount());
      assertEquals(6, lever.requestCount());
    }
  }

  @Test
  void faultEveryProducesEachFaultKindAndTheRetrySucceeds() throws Exception {
    try (FakeLever lever =
        FakeLever.start(
            FakeLeverOptions.defaults()
                .withOpportunities(30)
                .withRateLimit(false)
                .withFaultEvery(2))) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < 6; i++) {
        String path = "/v1/opportunities?limit=20&n=" + i;
        RawReply first = rawGet(lever, path);
        RawReply second = first.complete() ? null : rawGet(lever, path);
        if (second != null) {
          seen.add(first.kind());
          assertTrue(second.complete(), "retry of " + first.kind() + " succeeds");
          assertEquals(20, JSON.readTree(second.body()).get("data").size());
        }
      }
      assertEquals(Set.of("5xx", "truncated", "dropped"), seen);
    }
  }

  @Test
  void oauthRefreshRotatesAndStrictRotationRejectsTheOldToken() throws Exception {
    SteppedClock clock = new SteppedClock(NOW);
    try (FakeLever lever =
        FakeLever.start(
            FakeLeverOptions.defaults()
                .withOpportunities(5)
                .withRateLimit(false)
                .withClock(clock)
                .withAccessTokenTtlSeconds(60))) {
      Reply first = refresh(lever, "fake-client-id", "fake-client-secret", "fake-refresh-0");
      assertEquals(200, first.status());
      String newRefresh = first.body().get("refresh_token").asText();
      assertNotEquals("fake-refresh-0", newRefresh);
      assertEquals("Bearer", first.body().get("token_type").asText());
      assertEquals(60, first.body().get("expires_in").asInt());
      assertEquals(newRefresh, lever.currentRefreshToken());
      String bearer = "Bearer " + first.body().get("access_token").asText();
      assertEquals(200, get(lever, "/v1/stages", bearer).status());

      Reply reused = refresh(lever, "fake-client-id", "fake-client-secret", "fake-refresh-0");
      assertEquals(400, reused.status());
      assertEquals("invalid_grant", reused.body().get("error").asText());
      assertEquals(401, refresh(lever, "fake-client-id", "wrong", newRefresh).status());
      assertEquals(
          "invalid_client",
          refresh(lever, "other", "fake-client-secret", newRefresh).body().get("error").asText());

      clock.advance(Duration.ofSeconds(61));
      assertEquals(401, get(lever, "/v1/stages", bearer).status(), "expired access token");
      Reply second = refresh(lever, "fake-client-id", "fake-client-secret", newRefresh);
      assertEquals(200, second.status());
      assertNotEquals(newRefresh, second.body().get("refresh_token").asText());
    }
  }

  @Test
  void authorizeRedirectsWithASingleUseCode() throws Exception {
    String redirect = "http://127.0.0.1:9/callback";
    String query =
        "client_id=fake-client-id&redirect_uri="
            + encode(redirect)
            + "&response_type=code&state=st%20ate&scope="
            + encode("offline_access opportunities:read:admin")
            + "&audience="
            + encode("https://api.lever.co/v1/");
    HttpResponse<String> reply =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(shared.authorizeUrl() + "?" + query)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(302, reply.statusCode());
    String location = reply.headers().firstValue("Location").orElseThrow();
    assertTrue(location.startsWith(redirect + "?code="), location);
    assertTrue(location.endsWith("&state=st%20ate"), location);
    String code = location.substring(location.indexOf("code=") + 5, location.indexOf('&'));

    String form =
        "grant_type=authorization_code&client_id=fake-client-id&client_secret=fake-client-secret"
            + "&code="
            + code
            + "&redirect_uri="
            + encode(redirect);
    Reply tokens = postForm(shared, form);
    assertEquals(200, tokens.status());
    assertTrue(tokens.body().get("refresh_token").isTextual());
    assertEquals("offline_access opportunities:read:admin", tokens.body().get("scope").asText());
    String bearer = "Bearer " + tokens.body().get("access_token").asText();
    assertEquals(200, get(shared, "/v1/users", bearer).status());
    assertEquals(403, get(shared, "/v1/postings?confidentiality=all", bearer).status());
    assertEquals("invalid_grant", postForm(shared, form).body().get("error").asText());

    HttpResponse<String> badClient =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(shared.authorizeUrl() + "?" + query.replace("fake-client-id", "x")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(400, badClient.statusCode());
  }

  // ---- dataset ------------------------------------------------------------------------------

  @Test
  void datasetIsIdenticalForTheSameSeed() throws Exception {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    String a = groundTruth(FakeDataset.generate(7, 60, clock));
    String b = groundTruth(FakeDataset.generate(7, 60, Clock.systemUTC()));
    String c = groundTruth(FakeDataset.generate(8, 60, clock));
    assertEquals(a, b);
    assertNotEquals(a, c);
    JsonNode truth = JSON.readTree(a);
    assertEquals(FakeDataset.STREAMS, iterable(truth.fieldNames()));
    for (String stream : FakeDataset.STREAMS) {
      assertTrue(truth.get(stream).isArray(), stream);
    }
    assertTrue(truth.get("opportunity_offers").get(0).has("opportunityId"));
    assertTrue(truth.get("candidate_resumes").get(0).has("candidateId"));
    assertEquals(20, truth.get("deleted_opportunities").size());
    assertEquals(ReferenceGenerator.DELETED_POSTINGS, truth.get("deleted_postings").size());
    assertTrue(truth.get("contacts").size() > 40 && truth.get("contacts").size() < 60);
    assertTrue(truth.get("eeo_responses").size() > 10);
    assertTrue(truth.get("eeo_responses").get(0).has("eeoSurveyRespondedAt"));
    assertTrue(truth.get("deleted_postings").get(0).has("deletedAt"));
  }

  @Test
  void mutationsFollowLeverRulesAndDeletedOpportunityChildrenAre404() throws Exception {
    SteppedClock clock = new SteppedClock(NOW);
    try (FakeLever lever =
        FakeLever.start(
            FakeLeverOptions.defaults()
                .withOpportunities(40)
                .withRateLimit(false)
                .withClock(clock))) {
      FakeDataset data = lever.dataset();
      ObjectNode offer = data.records("opportunity_offers").get(0);
      String withOffer = offer.get("opportunityId").asText();
      long before = updatedAt(data, withOffer);
      data.changeOfferStatus(offer.get("id").asText(), "signed");
      assertEquals(before, updatedAt(data, withOffer), "offer changes do not bump updatedAt");
      JsonNode offers = get(lever, "/v1/opportunities/" + withOffer + "/offers", KEY).body();
      assertTrue(offers.toString().contains("\"status\":\"signed\""));

      clock.advance(Duration.ofMinutes(1));
      data.touchOpportunity(withOffer);
      assertEquals(clock.millis(), updatedAt(data, withOffer));
      String since = "confidentiality=all&updated_at_start=" + clock.millis();
      assertEquals(1, walk(lever, "/opportunities", since, null).size());

      String added = data.addOpportunity();
      JsonNode newest = get(lever, "/v1/opportunities?limit=1&confidentiality=all", KEY).body();
      assertEquals(added, newest.get("data").get(0).get("id").asText());
      assertEquals(clock.millis(), newest.get("data").get(0).get("createdAt").asLong());
      assertEquals(41, data.records("opportunities").size());

      clock.advance(Duration.ofMinutes(1));
      data.deleteOpportunity(withOffer);
      assertTrue(
          walk(lever, "/opportunities", "confidentiality=all", null).stream()
              .noneMatch(n -> n.get("id").asText().equals(withOffer)));
      List<JsonNode> deleted =
          walk(lever, "/opportunities/deleted", "deleted_at_start=" + clock.millis(), null);
      assertEquals(1, deleted.size());
      assertEquals(withOffer, deleted.get(0).get("id").asText());
      assertEquals(clock.millis(), deleted.get(0).get("deletedAt").asLong());
      assertTrue(deleted.get(0).get("deletedBy").isTextual());
      for (String path :
          List.of(
              "/opportunities/" + withOffer + "/offers", "/candidates/" + withOffer + "/notes")) {
        Reply gone = get(lever, "/v1" + path, KEY);
        assertEquals(404, gone.status(), path);
        assertEquals("ResourceNotFound", gone.body().get("code").asText());
      }
      assertTrue(
          data.records("opportunity_offers").stream()
              .noneMatch(o -> o.get("opportunityId").asText().equals(withOffer)));
      assertThrows(IllegalArgumentException.class, () -> data.touchOpportunity(withOffer));
    }
  }

  @Test
  void generatedDataHasLeverShapes() {
    FakeDataset data = shared.dataset();
    assertTrue(
        data.records("opportunity_files").stream()
            .allMatch(f -> f.get("ext").asText().startsWith(".")));
    assertTrue(
        data.records("opportunity_resumes").stream()
            .allMatch(r -> !r.get("file").get("ext").asText().startsWith(".")));
    assertTrue(
        data.records("requisitions").stream()
            .anyMatch(r -> "unlimited".equals(r.get("headcountTotal").asText())));
    assertTrue(
        data.records("stages").stream().anyMatch(s -> s.get("id").asText().equals("lead-new")));
    String names =
        data.records("opportunities").stream()
            .map(n -> n.get("name").asText())
            .collect(Collectors.joining(","));
    assertTrue(names.chars().anyMatch(ch -> ch > 0x3000), "CJK names");
    assertTrue(
        data.records("opportunity_offers").stream()
            .flatMap(o -> iterableNodes(o.get("fields")).stream())
            .anyMatch(f -> f.get("value").isNumber()));
  }

  private static long updatedAt(FakeDataset data, String id) {
    return data.records("opportunities").stream()
        .filter(n -> n.get("id").asText().equals(id))
        .findFirst()
        .orElseThrow()
        .path("updatedAt")
        .asLong(-1);
  }

  private static String groundTruth(FakeDataset data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    data.writeGroundTruth(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> values = new ArrayList<>();
    it.forEachRemaining(values::add);
    return values;
  }

  private static List<JsonNode> iterableNodes(JsonNode array) {
    List<JsonNode> values = new ArrayList<>();
    array.forEach(values::add);
    return values;
  }
}
