package taplever.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * EEO survey responses with PII ({@code GET /eeo/responses/pii}, §7.16): at most one per
 * opportunity, answered by about 80% of those who applied to a posting (~40% of all). The answers
 * come from the seed; everything else in a row is read from the opportunity's current state, so
 * archiving one changes its row ({@code applicationArchivedAt}, {@code hiredDate}) as in Lever.
 */
final class EeoGenerator {
  private static final long DAY = DatasetGenerator.DAY_MS;
  private static final DateTimeFormatter SIGNATURE_DATE =
      DateTimeFormatter.ofPattern("MM/dd/yyyy").withZone(ZoneOffset.UTC);
  private static final String[] GENDERS = {"Male", "Female", "Decline to self-identify"};
  private static final String[] RACES = {
    "Hispanic or Latino",
    "White (Not Hispanic or Latino)",
    "Black or African American (Not Hispanic or Latino)",
    "Asian (Not Hispanic or Latino)",
    "Two or More Races (Not Hispanic or Latino)",
    "Decline to self-identify"
  };
  private static final String[] VETERAN = {
    "I am a protected veteran", "I am not a protected veteran", "Decline to self-identify"
  };
  private static final String[] DISABILITY = {
    "Yes, I have a disability (or previously had a disability)",
    "No, I don't have a disability",
    "I don't wish to answer"
  };

  /** One opportunity's survey answers. */
  private record Survey(
      long respondedAt,
      String gender,
      String race,
      String veteran,
      String disability,
      String archivedBy) {}

  private final long seed;
  private final ReferenceData ref;

  EeoGenerator(long seed, ReferenceData ref) {
    this.seed = seed;
    this.ref = ref;
  }

  /** When opportunity {@code genIndex} answered the survey, or {@code Long.MIN_VALUE} if never. */
  long respondedAt(int genIndex, OpportunityGenerator.Candidacy c) {
    Survey survey = survey(genIndex, c);
    return survey == null ? Long.MIN_VALUE : survey.respondedAt();
  }

  private Survey survey(int genIndex, OpportunityGenerator.Candidacy c) {
    SeededRandom rnd = SeededRandom.of(seed, 106, genIndex);
    if (!"posting".equals(c.applicationType()) || !rnd.chance(0.8)) {
      return null;
    }
    long respondedAt = c.fresh() ? c.createdAt() : c.createdAt() + rnd.between(0L, 2 * DAY);
    return new Survey(
        respondedAt,
        rnd.chance(0.1) ? null : rnd.pick(GENDERS),
        rnd.chance(0.1) ? null : rnd.pick(RACES),
        rnd.chance(0.1) ? null : rnd.pick(VETERAN),
        rnd.chance(0.1) ? null : rnd.pick(DISABILITY),
        ref.userId(rnd));
  }

  /**
   * The row of {@code entry}, whose current payload is {@code opp}, in Lever's raw shape; null when
   * it has no response. Field names as in the reference's attribute table, {@code opportunityId}
   * spelled as in its example.
   */
  ObjectNode row(OpportunityEntry entry, ObjectNode opp) {
    Survey s = survey(entry.genIndex, entry.candidacy);
    if (s == null) {
      return null;
    }
    JsonNode archived = opp.path("archived");
    boolean isArchived = archived.isObject();
    long archivedAt = isArchived ? archived.path("archivedAt").asLong() : 0;
    ObjectNode posting = entry.candidacy.posting();
    ObjectNode row = Nodes.object();
    if (isArchived) {
      row.put("applicationArchivedAt", archivedAt).put("applicationArchivedBy", s.archivedBy());
    } else {
      row.putNull("applicationArchivedAt").putNull("applicationArchivedBy");
    }
    row.put("appliedAt", entry.candidacy.createdAt())
        .put("currentStage", Nodes.text(opp, "stage"))
        .put("contact", Nodes.text(opp, "contact"))
        .put("gender", s.gender())
        .put("race", s.race())
        .put("veteran", s.veteran())
        .put("disability", s.disability());
    boolean signed = s.disability() != null && !s.disability().startsWith("I don't wish");
    row.put(
        "disabilitySignatureDate",
        signed ? SIGNATURE_DATE.format(Instant.ofEpochMilli(s.respondedAt())) : null);
    row.put("eeoSurveyRespondedAt", s.respondedAt());
    boolean hired = isArchived && ref.isHiredReason(archived.path("reason").asText());
    if (hired) {
      row.put("hiredDate", archivedAt);
    } else {
      row.putNull("hiredDate");
    }
    row.put("hiringManager", posting == null ? null : Nodes.text(posting, "hiringManager"))
        .put("opportunityId", entry.id())
        .put("opportunityOwner", Nodes.text(opp, "owner"))
        .put("origin", Nodes.text(opp, "origin"))
        .put("posting", posting == null ? null : posting.get("id").asText());
    row.set(
        "requisitionCodes",
        posting == null ? Nodes.array() : posting.path("requisitionCodes").deepCopy());
    JsonNode sources = opp.path("sources");
    row.put("source", sources.size() > 0 ? sources.get(0).asText() : null);
    return row;
  }
}
