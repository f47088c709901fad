package taplever.fake;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Every piece of personal data a {@link FakeDataset} holds, as {@link FakeDataset#personalData()}
 * lists it: the people's names, e-mail addresses, phone numbers and links (candidates' profile
 * links, users' photos). All of it comes from the same generators, so it is also recognisable on
 * its own: every e-mail address ends in {@link #DOMAIN}, every phone number starts with {@link
 * #PHONE_PREFIX} and every link's host ends in {@link #DOMAIN}. A test can grep tap output for
 * these to prove PII was hashed or dropped.
 *
 * <p>Personal data also appears inside other records, always copied from these values: an
 * opportunity's contact fields, its application's {@code name}/{@code email}/{@code phone}, offer
 * fields ({@code candidate_name}) and signatures, resume file names, interview subjects, some
 * notes, interviewers, approvers, audit-event users and {@code /contacts}.
 */
public record PlantedPii(
    SortedSet<String> names,
    SortedSet<String> emails,
    SortedSet<String> phones,
    SortedSet<String> links) {
  /** The domain every generated e-mail address and profile link lives under. */
  public static final String DOMAIN = "pii.fakelever.example";

  /** The prefix of every generated phone number. */
  public static final String PHONE_PREFIX = "+1 415 555 ";

  public PlantedPii {
    names = frozen(names);
    emails = frozen(emails);
    phones = frozen(phones);
    links = frozen(links);
  }

  private static SortedSet<String> frozen(Set<String> values) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(values));
  }
}
