package taplever.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Gathers {@link PlantedPii}: users, the contacts of live opportunities and what deleted
 * opportunities still show. Every other record copies its personal data from these (see {@link
 * PlantedPii}), so this covers the whole dataset without reading every child.
 */
final class PersonalDataCollector {
  private final FakeDataset data;
  private final ObjectMapper mapper;
  private final SortedSet<String> names = new TreeSet<>();
  private final SortedSet<String> emails = new TreeSet<>();
  private final SortedSet<String> phones = new TreeSet<>();
  private final SortedSet<String> links = new TreeSet<>();

  PersonalDataCollector(FakeDataset data, ObjectMapper mapper) {
    this.data = data;
    this.mapper = mapper;
  }

  PlantedPii collect(DatasetSnapshot snapshot, FakeDataset.Listing users) {
    for (ListItem user : users.items()) {
      JsonNode node = user.node(mapper);
      names.add(node.get("name").asText());
      emails.add(node.get("email").asText());
      if (node.path("photo").isTextual()) {
        links.add(node.get("photo").asText());
      }
    }
    Set<Integer> seen = new HashSet<>();
    for (OpportunityEntry entry : snapshot.opportunities().entries) {
      ContactGenerator.Contact contact = data.contactOf(entry);
      if (seen.add(contact.key())) {
        person(contact.node());
        contact.links().forEach(links::add);
      }
    }
    for (ListItem deleted : snapshot.deleted()) {
      JsonNode node = deleted.node(mapper);
      person(node);
      node.path("links").forEach(l -> links.add(l.asText()));
    }
    return new PlantedPii(names, emails, phones, links);
  }

  private void person(JsonNode node) {
    names.add(node.get("name").asText());
    node.path("emails").forEach(e -> emails.add(e.asText()));
    node.path("phones").forEach(p -> phones.add(p.path("value").asText()));
  }
}
