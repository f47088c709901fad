package taplever.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * The person-centred endpoints: {@code /opportunities} (and the {@code /candidates} twins), one
 * opportunity, its children, deleted opportunities, {@code /contacts/:id} and {@code
 * /eeo/responses/pii}.
 */
final class OpportunityEndpoints {
  private static final long WEEK = 7 * DatasetGenerator.DAY_MS;
  private final FakeDataset data;
  private final ObjectMapper mapper;
  private final Pager pager;
  private final ResponseProjection projection;

  OpportunityEndpoints(FakeDataset data, Pager pager, ResponseProjection projection) {
    this.data = data;
    this.mapper = data.mapper();
    this.pager = pager;
    this.projection = projection;
  }

  byte[] list(ListQuery q, Credential credential, ResponseProjection.View view) {
    OpportunityTable table = data.snapshot().opportunities();
    IntPredicate filter = OpportunityFilter.of(q, credential, table, data::contactOf);
    return pager.page(table.entries, true, filter, e -> projection.opportunity(e, view), q);
  }

  byte[] single(Route route, Credential credential, ResponseProjection.View view) {
    return wrapped(projection.opportunity(live(route, credential), view));
  }

  byte[] deleted(ListQuery q, ResponseProjection.View view) {
    Predicate<ListItem> window = OpportunityFilter.range(q, "deleted_at", (ListItem i) -> i.sortMs);
    return pager.pageWhere(
        data.snapshot().deleted(),
        true,
        window == null ? i -> true : window,
        i -> projection.plain(i, view),
        q);
  }

  byte[] children(Route route, ListQuery q, Credential credential, ResponseProjection.View view) {
    ChildKind kind = route.child();
    OpportunityEntry entry = live(route, credential);
    List<ListItem> items = new ArrayList<>();
    for (ObjectNode record : data.children(entry).get(kind)) {
      items.add(ListItem.of(record, kind.sortField(), "id"));
    }
    Predicate<ListItem> filter = i -> true;
    if (kind.hasUploadedFilter()) {
      Predicate<ListItem> uploaded =
          OpportunityFilter.range(q, "uploaded_at", i -> kind.uploadedAt(i.node(mapper)));
      filter = uploaded == null ? filter : uploaded;
    }
    return pager.pageWhere(items, true, filter, i -> projection.plain(i, view), q);
  }

  /** {@code GET /contacts/:id}: any contact ever generated, deleted opportunities' included. */
  byte[] contact(Route route) {
    ContactGenerator.Contact contact = data.contact(route.id());
    if (contact == null) {
      throw ApiError.notFound("contacts " + route.id() + " was not found");
    }
    return wrapped(ListItem.serialize(mapper, contact.node()));
  }

  /**
   * {@code GET /eeo/responses/pii}: rows whose {@code eeoSurveyRespondedAt} lies in {@code
   * [created_at_start, created_at_end]} (both inclusive; defaults: a week before now, and now),
   * newest first, in the EEO envelope. {@code expand} may replace {@code contact}, {@code
   * hiringManager} and {@code posting} by their objects.
   */
  byte[] eeo(ListQuery q) {
    long now = data.clock().millis();
    Long start = q.millis("created_at_start");
    Long end = q.millis("created_at_end");
    long lo = start == null ? now - WEEK : start;
    long hi = end == null ? now : end;
    List<ListItem> items = data.snapshot().eeo();
    List<String> expand = q.all("expand");
    IntPredicate filter =
        i -> {
          ListItem item = items.get(i);
          return item.sortMs >= lo && item.sortMs <= hi && data.opportunity(item.key) != null;
        };
    return pager.page(items, true, filter, item -> eeoRow(item, expand), q, Pager.Envelope.EEO);
  }

  private byte[] eeoRow(ListItem item, List<String> expand) {
    ObjectNode row = data.eeoRow(data.opportunity(item.key));
    if (expand.contains("contact")) {
      row.set("contact", data.contactOf(data.opportunity(item.key)).node());
    }
    ReferenceData ref = data.ref();
    if (expand.contains("hiringManager")
        && ref.userById(Nodes.text(row, "hiringManager")) != null) {
      row.set("hiringManager", ref.userById(Nodes.text(row, "hiringManager")));
    }
    if (expand.contains("posting") && ref.posting(Nodes.text(row, "posting")) != null) {
      row.set("posting", ref.posting(Nodes.text(row, "posting")));
    }
    return ListItem.serialize(mapper, row);
  }

  private OpportunityEntry live(Route route, Credential credential) {
    OpportunityEntry entry = data.opportunity(route.id());
    if (entry == null) {
      throw ApiError.notFound(route.root() + " " + route.id() + " was not found");
    }
    if (entry.confidential && !credential.confidentialAccess()) {
      throw ApiError.forbidden("This API key does not have access to confidential data");
    }
    return entry;
  }

  private static byte[] wrapped(byte[] record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(record.length + 10);
    out.writeBytes("{\"data\":".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(record);
    out.write('}');
    return out.toByteArray();
  }
}
