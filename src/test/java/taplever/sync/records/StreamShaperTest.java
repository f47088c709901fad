package taplever.sync.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import taplever.config.PiiPolicy;
import taplever.config.UnknownFields;

class StreamShaperTest {

  @Test
  void numericStringsWhereLeverDocumentsNumbersBecomeNumbers() throws Exception {
    ObjectNode out = new Shaping("opportunity_files").shape(
        "{\"id\": \"f\", \"size\": \"1000\", \"uploadedAt\": \"1468953420000\"}", Optional.of("o1"));

    assertEquals(1000, out.get("size").asInt());
    assertTrue(out.get("size").isIntegralNumber());
    assertEquals("2016-07-19T18:37:00.000Z", out.get("uploadedAt").asText());
    assertEquals("o1", out.get("opportunityId").asText());
  }

  @Test
  void headcountMayBeTheStringUnlimited() throws Exception {
    Shaping shaping = new Shaping("requisitions");
    ObjectNode out = shaping.shape("{\"id\": \"r\", \"headcountTotal\": \"unlimited\","
        + " \"headcountHired\": \"unlimited\"}");

    assertEquals("unlimited", out.get("headcountTotal").asText());
    assertEquals("unlimited", out.get("headcountHired").asText());
    assertEquals(List.of(), shaping.warnings);
  }

  @Test
  void aValueOfTheWrongShapeBecomesNullWithOneWarning() throws Exception {
    Shaping shaping = new Shaping("users");
    ObjectNode a = shaping.shape("{\"id\": \"u\", \"linkedContactIds\": {\"a\": 1}}");
    shaping.shape("{\"id\": \"v\", \"linkedContactIds\": 7}");

    assertTrue(a.get("linkedContactIds").isNull());
    assertEquals(1, shaping.warnings.size(), shaping.warnings::toString);
  }

  @Test
  void integralDecimalsBecomeIntegersForIntegerFields() throws Exception {
    ObjectNode out = new Shaping("sources").shape("{\"text\": \"LinkedIn\", \"count\": 3.0}");

    assertEquals("3", out.get("count").toString());
  }

  @Test
  void decimalsKeepTheDigitsLeverSent() throws Exception {
    ObjectNode out = new Shaping("postings").shape("{\"id\": \"p\", \"salaryRange\":"
        + " {\"min\": 100000.50, \"max\": 1234567890123456789.25, \"currency\": \"USD\"}}");

    assertEquals("100000.50", out.at("/salaryRange/min").toString());
    assertEquals("1234567890123456789.25", out.at("/salaryRange/max").toString());
  }

  @Test
  void theParentsIdOverridesWhatLeverSentInItsPlace() throws Exception {
    ObjectNode out = new Shaping("candidate_offers").shape(
        "{\"id\": \"x\", \"candidateId\": \"stale\", \"status\": \"sent\"}", Optional.of("c1"));

    assertEquals("c1", out.get("candidateId").asText());
    assertEquals("sent", out.get("status").asText());
  }

  @Test
  void timestampsInEveryFormLeverUsesBecomeRfc3339() throws Exception {
    ObjectNode out = new Shaping("opportunities").shape("{\"id\": \"o\", \"createdAt\": 1700000000000,"
        + " \"updatedAt\": \"1700000000001\", \"lastInteractionAt\": \"2024-05-01T12:00:00+02:00\","
        + " \"snoozedUntil\": \"\"}");

    assertEquals("2023-11-14T22:13:20.000Z", out.get("createdAt").asText());
    assertEquals("2023-11-14T22:13:20.001Z", out.get("updatedAt").asText());
    assertEquals("2024-05-01T10:00:00.000Z", out.get("lastInteractionAt").asText());
    assertTrue(out.get("snoozedUntil").isNull());
  }

  @Test
  void anInstantBeyondTheYear9999BecomesNullWithAWarningForNoTargetCouldLoadIt() throws Exception {
    Shaping shaping = new Shaping("opportunities");
    ObjectNode out = shaping.shape("{\"id\": \"o\", \"createdAt\": 253402300800000,"
        + " \"updatedAt\": \"9223372036854775807\", \"lastInteractionAt\": 253402300799999}");

    assertTrue(out.get("createdAt").isNull(), out::toString);
    assertTrue(out.get("updatedAt").isNull(), out::toString);
    assertEquals("9999-12-31T23:59:59.999Z", out.get("lastInteractionAt").asText());
    assertEquals(2, shaping.warnings.size(), shaping.warnings::toString);
  }

  @Test
  void freeFormObjectsPassAsLeverSentThem() throws Exception {
    ObjectNode out = new Shaping("requisitions").shape("{\"id\": \"r\", \"customFields\":"
        + " {\"cost_center\": \"R&D\", \"budget\": {\"amount\": 12.50, \"approved\": true}}}");

    assertEquals("{\"cost_center\":\"R&D\",\"budget\":{\"amount\":12.50,\"approved\":true}}",
        out.get("customFields").toString());
  }

  @Test
  void aDeclaredFieldThatIsAbsentStaysAbsent() throws Exception {
    ObjectNode out = new Shaping("users").shape("{\"id\": \"u\"}");

    assertFalse(out.has("name"));
  }

  @Test
  void aFormAnswerIsADateWhenItsFieldsTypeSaysSoAndOnlyThen() throws Exception {
    ObjectNode out = new Shaping("opportunity_feedback").shape("{\"id\": \"f\", \"fields\": ["
        + "{\"type\": \"date\", \"text\": \"Start\", \"value\": 1700000000000},"
        + "{\"type\": \"score\", \"text\": \"Score\", \"value\": 1700000000000},"
        + "{\"type\": \"date\", \"text\": \"Unanswered\", \"value\": null}]}");

    assertEquals("2023-11-14T22:13:20.000Z", out.at("/fields/0/value").asText());
    assertEquals(1700000000000L, out.at("/fields/1/value").asLong(), "a number stays a number");
    assertTrue(out.at("/fields/1/value").isIntegralNumber());
    assertTrue(out.at("/fields/2/value").isNull());
  }

  @Test
  void anApplicationsCustomQuestionsAreTypedTheSameWay() throws Exception {
    ObjectNode out = new Shaping("opportunity_applications").shape("{\"id\": \"a\","
        + " \"customQuestions\": [{\"text\": \"Q\", \"fields\": [{\"type\": \"date\","
        + " \"value\": \"1700000000000\"}, {\"type\": \"file-upload\", \"value\": {\"name\":"
        + " \"cv.pdf\", \"uploadedAt\": 1700000000000, \"size\": 10}}]}]}", Optional.of("o"));

    assertEquals("2023-11-14T22:13:20.000Z", out.at("/customQuestions/0/fields/0/value").asText());
    assertEquals("2023-11-14T22:13:20.000Z",
        out.at("/customQuestions/0/fields/1/value/uploadedAt").asText());
  }

  @Test
  void offerFieldsLeverDocumentsAsDatesBecomeRfc3339() throws Exception {
    ObjectNode out = new Shaping("opportunity_offers").shape("{\"id\": \"f\", \"fields\": ["
        + "{\"identifier\": \"anticipated_start_date\", \"value\": 1700000000000},"
        + "{\"identifier\": \"salary_amount\", \"value\": 1319000}]}", Optional.of("o"));

    assertEquals("2023-11-14T22:13:20.000Z", out.at("/fields/0/value").asText());
    assertEquals(1319000, out.at("/fields/1/value").asInt());
  }

  @Test
  void requisitionCustomFieldsAreTypedByTheirDefinitions() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json = Shaping.JSON;
    FieldDefinitions defs = new FieldDefinitions(java.util.Map.of("requisition_fields",
        FieldDefinitions.Definitions.of(List.of(
            json.readTree("{\"id\": \"start\", \"type\": \"date\"}"),
            json.readTree("{\"id\": \"budget\", \"type\": \"number\"}"),
            json.readTree("{\"id\": \"period\", \"type\": \"object\", \"subfields\":"
                + " [{\"id\": \"from\", \"type\": \"date\"}, {\"id\": \"label\", \"type\": \"text\"}]}")),
            "id")));
    ObjectNode out = new Shaping("requisitions", UnknownFields.KEEP, PersonalData.KEEP, defs).shape("{\"id\":"
        + " \"r\", \"customFields\": {\"start\": 1700000000000, \"budget\": 1700000000000,"
        + " \"period\": {\"from\": 1700000000000, \"label\": \"Q1\"}, \"unknown\": 5}}");

    assertEquals("2023-11-14T22:13:20.000Z", out.at("/customFields/start").asText());
    assertEquals(1700000000000L, out.at("/customFields/budget").asLong());
    assertEquals("2023-11-14T22:13:20.000Z", out.at("/customFields/period/from").asText());
    assertEquals("Q1", out.at("/customFields/period/label").asText());
    assertEquals(5, out.at("/customFields/unknown").asInt());
  }

  @Test
  void anUnknownNestedFieldIsKeptAndDeclaredWhereItSits() throws Exception {
    Shaping shaping = new Shaping("opportunities");
    ObjectNode out = shaping.shape("{\"id\": \"o\", \"urls\": {\"show\": \"s\","
        + " \"brandNewNested\": {\"a\": [1, 2], \"b\": true}}, \"brandNewTop\": 1.5}");

    assertEquals("[1,2]", out.at("/urls/brandNewNested/a").toString());
    assertEquals(1.5, out.get("brandNewTop").asDouble());
    JsonNode schema = shaping.shaper().schema();
    assertEquals("[\"null\",\"object\"]",
        schema.at("/properties/urls/properties/brandNewNested/type").toString());
    assertEquals("[\"null\",\"integer\"]",
        schema.at("/properties/urls/properties/brandNewNested/properties/a/items/type").toString());
    assertEquals("[\"null\",\"number\"]", schema.at("/properties/brandNewTop/type").toString());
    assertEquals(List.of("opportunities.brandNewTop first seen, kept; add it to"
        + " schemas/opportunities.json", "opportunities.urls.brandNewNested first seen, kept; add"
        + " it to schemas/opportunities.json").stream().sorted().toList(),
        shaping.warnings.stream().sorted().toList(), "one warning per new field");
  }

  @Test
  void aConflictingTypeWidensTheLearnedDeclaration() throws Exception {
    Shaping shaping = new Shaping("users");
    shaping.shape("{\"id\": \"u1\", \"newField\": 7}");
    int version = shaping.shaper().schemaVersion();
    ObjectNode second = shaping.shape("{\"id\": \"u2\", \"newField\": \"seven\"}");
    shaping.shape("{\"id\": \"u3\", \"newField\": 8}");

    assertEquals("seven", second.get("newField").asText(), "kept, not nulled");
    assertTrue(shaping.shaper().schemaVersion() > version, "a new SCHEMA is due");
    assertEquals("[\"null\",\"integer\",\"string\"]",
        shaping.shaper().schema().at("/properties/newField/type").toString());
    assertEquals(1, shaping.warnings.size(), shaping.warnings::toString);
  }

  @Test
  void aNullSaysNothingAboutAnUnknownFieldsTypeSoItIsNotDeclared() throws Exception {
    Shaping shaping = new Shaping("users");
    ObjectNode out = shaping.shape("{\"id\": \"u1\", \"newField\": null}");

    assertFalse(out.has("newField"));
    assertFalse(shaping.shaper().schema().at("/properties").has("newField"));
  }

  @Test
  void withUnknownFieldsDropTheyAreLeftOutButStillAnnounced() throws Exception {
    Shaping shaping = new Shaping("users", UnknownFields.DROP, PersonalData.KEEP, FieldDefinitions.NONE);
    ObjectNode out = shaping.shape("{\"id\": \"u1\", \"newField\": 7, \"name\": \"A\"}");
    shaping.shape("{\"id\": \"u2\", \"newField\": 8}");

    assertFalse(out.has("newField"));
    assertEquals("A", out.get("name").asText());
    assertFalse(shaping.shaper().schema().at("/properties").has("newField"));
    assertEquals(List.of("users.newField first seen, dropped (unknown_fields is drop); add it to"
        + " schemas/users.json to keep it"), shaping.warnings);
  }

  @Test
  void aNewFieldsNameIsEscapedInItsWarningSoLeverCannotForgeALogLine() throws Exception {
    Shaping shaping = new Shaping("users");
    ObjectNode out = shaping.shape("{\"id\": \"u1\", \"a\\r\\nFAKE LOG LINE\": 1, \"x\\u0000y\": 2,"
        + " \"\\u202Eevil\": 3}");

    assertEquals(1, out.get("a\r\nFAKE LOG LINE").asInt(), "the record keeps Lever's name");
    assertEquals(List.of("users.a\\r\\nFAKE LOG LINE first seen, kept; add it to schemas/users.json",
        "users.x\\u0000y first seen, kept; add it to schemas/users.json",
        "users.\\u202Eevil first seen, kept; add it to schemas/users.json"), shaping.warnings);
  }

  @Test
  void aStreamNamesItsFirstTwentyNewFieldsThenSaysThereAreMore() throws Exception {
    for (UnknownFields unknown : UnknownFields.values()) {
      boolean keep = unknown == UnknownFields.KEEP;
      Shaping shaping = new Shaping("users", unknown, PersonalData.KEEP, FieldDefinitions.NONE);
      StringBuilder record = new StringBuilder("{\"id\": \"u1\"");
      for (int i = 0; i < 25; i++) {
        record.append(", \"new").append(i).append("\": ").append(i);
      }
      shaping.shape(record.append('}').toString());
      shaping.shape("{\"id\": \"u2\", \"new99\": 1}");

      assertEquals(21, shaping.warnings.size(), shaping.warnings::toString);
      assertTrue(shaping.warnings.get(19).startsWith("users.new19 first seen, "));
      assertEquals("stream users: Lever sent more than 20 fields that schemas/users.json lacks;"
          + " the others are " + (keep ? "kept" : "dropped") + " without a warning each (the"
          + " end-of-run summary counts them)", shaping.warnings.get(20));
      assertEquals(26, shaping.shaper().learnedFields().size(), "all of them are counted");
    }
  }

  @Test
  void aNewFieldsLongNameIsCutInItsWarning() throws Exception {
    Shaping shaping = new Shaping("users");
    shaping.shape("{\"id\": \"u1\", \"" + "n".repeat(5_000) + "\": 1}");

    assertEquals(List.of("users." + "n".repeat(194) + "…(+4806 chars) first seen, kept; add it to"
        + " schemas/users.json"), shaping.warnings);
  }

  @Test
  void hashingReplacesEveryMarkedValueAndTheSchemaSaysSo() throws Exception {
    PersonalData hash = new PersonalData(PiiPolicy.Mode.HASH,
        Optional.of(taplever.config.Secret.of("salt")), Optional.empty());
    Shaping shaping = new Shaping("opportunities", UnknownFields.KEEP, hash, FieldDefinitions.NONE);
    ObjectNode out = shaping.shape("{\"id\": \"o\", \"name\": \"Ana\", \"emails\":"
        + " [\"ana@x.example\"], \"phones\": [{\"type\": \"mobile\", \"value\": \"+1 415\"}],"
        + " \"origin\": \"sourced\"}");

    String ana = java.util.HexFormat.of().formatHex(hmac("salt", "Ana"));
    assertEquals(ana, out.get("name").asText());
    assertEquals(java.util.HexFormat.of().formatHex(hmac("salt", "ana@x.example")),
        out.at("/emails/0").asText());
    assertEquals(java.util.HexFormat.of().formatHex(hmac("salt", "+1 415")),
        out.at("/phones/0/value").asText());
    assertEquals("sourced", out.get("origin").asText(), "unmarked values stay");
    assertEquals("o", out.get("id").asText(), "ids are not personal");
    JsonNode schema = shaping.shaper().schema();
    assertEquals("[\"null\",\"string\"]", schema.at("/properties/name/type").toString());
    assertTrue(schema.at("/properties/name/description").asText().startsWith("HMAC-SHA256"));
  }

  @Test
  void keysAnObjectDeclaresByTheirShapeAreShapedAndMaskedLikeNamedOnes() throws Exception {
    PersonalData hash = new PersonalData(PiiPolicy.Mode.HASH,
        Optional.of(taplever.config.Secret.of("salt")), Optional.empty());
    Shaping shaping = new Shaping("opportunity_offers", UnknownFields.KEEP, hash, FieldDefinitions.NONE);
    ObjectNode out = shaping.shape("{\"id\": \"f1\", \"signatures\": {\"candidate\":"
        + " {\"email\": \"pat@leak.example\"}, \"hiringManager\": {\"name\": \"Jane Roe\","
        + " \"email\": \"jane@leak.example\", \"signedAt\": 1700000000000}}}", Optional.of("o"));

    assertFalse(out.toString().contains("leak.example"), out::toString);
    assertFalse(out.toString().contains("Jane"), out::toString);
    assertEquals("2023-11-14T22:13:20.000Z", out.at("/signatures/hiringManager/signedAt").asText());
    assertEquals(List.of(), shaping.warnings, "a signer role is not an unknown field");
    assertEquals("[\"null\",\"string\"]", shaping.shaper().schema()
        .at("/properties/signatures/additionalProperties/properties/email/type").toString());
  }

  @Test
  void droppingPersonalDataEmitsNull() throws Exception {
    PersonalData drop = new PersonalData(PiiPolicy.Mode.DROP, Optional.empty(),
        Optional.of(java.util.Set.of("opportunities.emails")));
    ObjectNode out = new Shaping("opportunities", UnknownFields.KEEP, drop, FieldDefinitions.NONE).shape(
        "{\"id\": \"o\", \"name\": \"Ana\", \"emails\": [\"ana@x.example\"]}");

    assertTrue(out.get("emails").isNull());
    assertEquals("Ana", out.get("name").asText(), "fields replaces the marks: name is kept");
  }

  private static byte[] hmac(String key, String value) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "HmacSHA256"));
    return mac.doFinal(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
