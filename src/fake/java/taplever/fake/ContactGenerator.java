package taplever.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Contacts (§7.4): the people behind opportunities. About 15% of contacts own two or three
 * opportunities (one person, several candidacies), which then share name, headline, location,
 * e-mails, phones and links.
 *
 * <p>Which contact owns opportunity {@code genIndex} is a pure function of (seed, genIndex):
 * generation indexes come in blocks of four, and a seeded pattern splits each block into contacts
 * (four singles; a pair and two singles; a single and a triple). A contact is named by its
 * <em>key</em>, the first generation index it owns, and its id carries that key ({@link
 * TaggedIds}), so neither direction needs a table.
 */
final class ContactGenerator {
  private static final int BLOCK = 4;

  /** One contact: the {@code /contacts/:id} object plus the links only opportunities carry. */
  record Contact(int key, ObjectNode node, List<String> links) {
    String id() {
      return node.get("id").asText();
    }

    String name() {
      return node.get("name").asText();
    }

    String headline() {
      return Nodes.text(node, "headline");
    }

    String location() {
      return node.path("location").isObject() ? node.get("location").get("name").asText() : null;
    }

    ArrayNode emails() {
      return (ArrayNode) node.get("emails");
    }

    ArrayNode phones() {
      return (ArrayNode) node.get("phones");
    }
  }

  private final long seed;
  private final TaggedIds ids;

  ContactGenerator(long seed, TaggedIds ids) {
    this.seed = seed;
    this.ids = ids;
  }

  /** The key of the contact owning opportunity {@code genIndex} (negative for deleted ones). */
  int keyOf(int genIndex) {
    int block = Math.floorDiv(genIndex, BLOCK);
    int position = Math.floorMod(genIndex, BLOCK);
    double pattern = SeededRandom.of(seed, 104, block).nextDouble();
    int start;
    if (pattern < 0.51) {
      start = position; // four singles
    } else if (pattern < 0.755) {
      start = position < 2 ? 0 : position; // a pair, then two singles
    } else {
      start = position == 0 ? 0 : 1; // a single, then a triple
    }
    return block * BLOCK + start;
  }

  Contact forOpportunity(int genIndex) {
    return contact(keyOf(genIndex));
  }

  /**
   * The contact {@code id} names, if its key is a contact of a generation index in {@code [lowest,
   * limit)}; else null.
   */
  Contact find(String id, int lowest, int limit) {
    long tag = ids.tag(id);
    if (tag == TaggedIds.NONE || tag < lowest || tag >= limit || keyOf((int) tag) != tag) {
      return null;
    }
    Contact contact = contact((int) tag);
    return contact.id().equals(id) ? contact : null;
  }

  Contact contact(int key) {
    SeededRandom rnd = SeededRandom.of(seed, 105, key);
    String id = ids.id(rnd, key);
    String name = SampleText.fullName(rnd);
    ObjectNode node = Nodes.object().put("id", id).put("name", name);
    node.put(
        "headline",
        rnd.chance(0.8)
            ? rnd.pick(SampleText.COMPANIES) + ", " + rnd.pick(SampleText.SCHOOLS)
            : null);
    if (rnd.chance(0.15)) {
      node.putNull("location");
    } else {
      node.putObject("location").put("name", rnd.pick(SampleText.LOCATIONS));
    }
    ArrayNode emails = node.putArray("emails");
    if (rnd.chance(0.95)) {
      String email = SampleText.candidateEmail(name, rnd);
      emails.add(email);
      if (rnd.chance(0.1)) {
        emails.add("alt." + email);
      }
    }
    ArrayNode phones = node.putArray("phones");
    if (rnd.chance(0.7)) {
      phones
          .addObject()
          .put("type", rnd.pick("mobile", "home", "work"))
          .put("value", SampleText.phone(rnd));
    }
    node.put("isAnonymized", false);
    List<String> links = new ArrayList<>();
    if (rnd.chance(0.5)) {
      links.add(SampleText.profileLink(rnd));
    }
    return new Contact(key, node, List.copyOf(links));
  }
}
