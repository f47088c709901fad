package taplever.fake;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * The {@code GET /opportunities} filters (§7.1), all inclusive, built once per request into a
 * predicate over the unpacked fields of {@link OpportunityEntry}. Multi-valued parameters are
 * unions. An opportunity without {@code updatedAt} never matches an {@code updated_at_*} filter.
 * {@code archived=true} keeps only archived opportunities, {@code archived=false} only active ones,
 * and no {@code archived} both; it combines with every other filter.
 */
final class OpportunityFilter {
  private OpportunityFilter() {}

  /**
   * The filter as a predicate over positions of {@code table}: column checks first, entry fields
   * after.
   */
  static IntPredicate of(
      ListQuery q,
      Credential credential,
      OpportunityTable table,
      Function<OpportunityEntry, ContactGenerator.Contact> contacts) {
    Confidentiality confidentiality = Confidentiality.of(q, credential);
    Long createdStart = q.millis("created_at_start");
    Long createdEnd = q.millis("created_at_end");
    Long updatedStart = q.millis("updated_at_start");
    Long updatedEnd = q.millis("updated_at_end");
    long cLo = createdStart == null ? Long.MIN_VALUE : createdStart;
    long cHi = createdEnd == null ? Long.MAX_VALUE : createdEnd;
    boolean byUpdated = updatedStart != null || updatedEnd != null;
    long uLo = updatedStart == null ? Long.MIN_VALUE : updatedStart;
    long uHi = updatedEnd == null ? Long.MAX_VALUE : updatedEnd;
    Boolean archived = q.bool("archived");
    int mask =
        OpportunityTable.CONFIDENTIAL
            | (archived == null ? 0 : OpportunityTable.ARCHIVED)
            | (byUpdated ? OpportunityTable.HAS_UPDATED_AT : 0);
    int confidentialBit =
        confidentiality == Confidentiality.CONFIDENTIAL ? OpportunityTable.CONFIDENTIAL : 0;
    int wanted =
        confidentialBit
            | (Boolean.TRUE.equals(archived) ? OpportunityTable.ARCHIVED : 0)
            | (byUpdated ? OpportunityTable.HAS_UPDATED_AT : 0);
    if (confidentiality == Confidentiality.ALL) {
      mask &= ~OpportunityTable.CONFIDENTIAL;
    }
    int m = mask;
    long[] created = table.createdAt;
    long[] updated = table.updatedAt;
    byte[] flags = table.flags;
    Predicate<OpportunityEntry> rest = and(others(q), email(q, contacts));
    return i ->
        (flags[i] & m) == wanted
            && created[i] >= cLo
            && created[i] <= cHi
            && (!byUpdated || updated[i] >= uLo && updated[i] <= uHi)
            && (rest == null || rest.test(table.entries.get(i)));
  }

  /** The rarely used filters, checked on the entry object. */
  private static Predicate<OpportunityEntry> others(ListQuery q) {
    Predicate<OpportunityEntry> p = null;
    p = and(p, range(q, "archived_at", e -> e.archivedAt));
    p = and(p, range(q, "advanced_at", e -> e.lastAdvancedAt));
    p = and(p, oneOf(q, "contact_id", e -> e.contact));
    p = and(p, oneOf(q, "stage_id", e -> e.stage));
    p = and(p, oneOf(q, "origin", e -> e.origin));
    p = and(p, oneOf(q, "archive_reason_id", e -> e.archiveReason));
    p =
        and(
            p,
            oneOf(
                q,
                "posting_id",
                e ->
                    e.candidacy.posting() == null
                        ? null
                        : e.candidacy.posting().get("id").asText()));
    p = and(p, anyOf(q, "tag", e -> e.tags));
    p = and(p, anyOf(q, "source", e -> e.sources));
    return p;
  }

  /** {@code email}: one of the contact's addresses, compared canonically (case-insensitive). */
  private static Predicate<OpportunityEntry> email(
      ListQuery q, Function<OpportunityEntry, ContactGenerator.Contact> contacts) {
    List<String> wanted =
        q.all("email").stream().map(e -> e.trim().toLowerCase(Locale.ROOT)).toList();
    if (wanted.isEmpty()) {
      return null;
    }
    return e -> {
      for (var email : contacts.apply(e).emails()) {
        if (wanted.contains(email.asText().toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
      return false;
    };
  }

  private static Predicate<OpportunityEntry> and(
      Predicate<OpportunityEntry> p, Predicate<OpportunityEntry> q) {
    return q == null ? p : p == null ? q : p.and(q);
  }

  /**
   * {@code <name>_start} / {@code <name>_end}, inclusive; {@code Long.MIN_VALUE} means "no such
   * timestamp".
   */
  static <T> Predicate<T> range(
      ListQuery q, String name, java.util.function.ToLongFunction<T> field) {
    Long start = q.millis(name + "_start");
    Long end = q.millis(name + "_end");
    if (start == null && end == null) {
      return null;
    }
    long lo = start == null ? Long.MIN_VALUE + 1 : start;
    long hi = end == null ? Long.MAX_VALUE : end;
    return e -> {
      long value = field.applyAsLong(e);
      return value != Long.MIN_VALUE && value >= lo && value <= hi;
    };
  }

  private static Predicate<OpportunityEntry> oneOf(
      ListQuery q, String name, java.util.function.Function<OpportunityEntry, String> field) {
    List<String> wanted = q.all(name);
    return wanted.isEmpty() ? null : e -> wanted.contains(field.apply(e));
  }

  private static Predicate<OpportunityEntry> anyOf(
      ListQuery q, String name, java.util.function.Function<OpportunityEntry, String[]> field) {
    List<String> wanted = q.all(name);
    if (wanted.isEmpty()) {
      return null;
    }
    return e -> {
      for (String value : field.apply(e)) {
        if (wanted.contains(value)) {
          return true;
        }
      }
      return false;
    };
  }
}
