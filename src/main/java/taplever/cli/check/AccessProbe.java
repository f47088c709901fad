package taplever.cli.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import taplever.cli.login.LoginScopes;
import taplever.catalog.StreamSelection;
import taplever.error.LeverApiException;
import taplever.http.LeverRequest;
import taplever.http.Page;
import taplever.http.PageSource;
import taplever.singer.DateTimes;
import taplever.singer.EpochMillis;
import taplever.streams.Access;
import taplever.streams.Cursor;
import taplever.streams.LeverStreams;
import taplever.streams.Replication;
import taplever.streams.StreamSpec;
import taplever.sync.read.ReadRequest;
import taplever.sync.read.RefusalPolicy;

/**
 * Asks Lever for one record of every selected stream, the way a sync asks: the list's own
 * parameters ({@code confidentiality=all}, {@code includeDeactivated=true}), a window where Lever
 * would otherwise apply its own short default (EEO answers, audit events), inline children with
 * their {@code expand}, per-parent children through the first parent record. Derived rows need no
 * request: they share their parent's result. One probe per run; not thread-safe.
 */
final class AccessProbe {
  private final PageSource lever;
  private final String credentials;
  private final Instant windowStart;
  private final Instant windowEnd;
  /** What the catalog selects, set by {@link #run}. */
  private List<StreamSelection> selections = List.of();
  /** Set by the first failure no other request can escape (401, token endpoint, no answer). */
  private Optional<StreamCheck> halted = Optional.empty();

  /**
   * @param credentials {@code Credentials.mode()}, named when Lever rejects them
   * @param windowStart the config's start_date, where a first sync's windows start
   * @param windowEnd now
   */
  AccessProbe(PageSource lever, String credentials, Instant windowStart, Instant windowEnd) {
    this.lever = lever;
    this.credentials = credentials;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
  }

  /**
   * What the probe found: one check per selected stream, in registry order.
   *
   * @param credentials the failure no request could escape, wherever it came (a selected stream
   *     or the confidential-access probe): Lever refused the credentials (401, the token
   *     endpoint) or did not answer; empty when Lever accepted them
   */
  record Findings(List<StreamCheck> streams, ConfidentialAccess confidential,
      Optional<StreamCheck> credentials) {
    Findings {
      streams = List.copyOf(streams);
    }
  }

  /**
   * How a top-level list answered.
   *
   * @param readable whether the list could be read only without confidential records (true:
   *     Lever refused only those); empty when the list could not be read
   */
  private record Listing(StreamCheck check, Optional<Boolean> readable,
      Optional<String> firstId, Optional<ConfidentialAccess> confidential) {}

  Findings run(List<StreamSelection> selections) {
    this.selections = selections;
    List<StreamSpec> selected = selections.stream().map(StreamSelection::spec).toList();
    Set<String> names = new TreeSet<>(selected.stream().map(StreamSpec::name).toList());
    List<StreamCheck> checks = new ArrayList<>();
    Optional<ConfidentialAccess> confidential = Optional.empty();
    for (StreamSpec top : LeverStreams.ALL) {
      List<StreamSpec> children = selected.stream()
          .filter(c -> c.parent().equals(Optional.of(top.name()))).toList();
      if (top.isChild() || (!names.contains(top.name()) && children.isEmpty())) {
        continue;
      }
      Listing listing = list(top);
      if (confidential.isEmpty()) {
        confidential = listing.confidential();
      }
      if (names.contains(top.name())) {
        checks.add(listing.check());
      }
      for (StreamSpec child : children) {
        checks.add(child(child, top, listing, names.contains(top.name())));
      }
    }
    ConfidentialAccess access = confidential.orElseGet(this::confidentialAlone);
    checks.sort(Comparator.comparingInt(c -> registryIndex(c.stream())));
    return new Findings(checks, access, halted);
  }

  private Listing list(StreamSpec top) {
    if (halted.isPresent()) {
      return new Listing(halted.get().forStream(top.name(), "not tried: "), Optional.empty(),
          Optional.empty(), Optional.empty());
    }
    String path = top.label();
    LeverRequest request = request(top).build();
    Answer asked = ask(request, top.idField());
    if (asked.failure().isEmpty()) {
      return new Listing(StreamCheck.ok(top.name(), shown(request) + " answered 200"),
          Optional.of(false), asked.firstId(), top.access().confidential()
              ? Optional.of(ConfidentialAccess.yes(path)) : Optional.empty());
    }
    LeverApiException refused = asked.failure().get();
    if (!top.access().confidential() || refused.status() != 403) {
      return new Listing(judge(top, path, Access.Purpose.LIST, refused), Optional.empty(),
          Optional.empty(), Optional.empty());
    }
    // 403 on confidentiality=all: the scope, or only confidential access? The same list without
    // the parameter tells them apart.
    Answer again = ask(request(top).withoutConfidential().build(), top.idField());
    if (again.failure().isPresent()) {
      return new Listing(judge(top, path, Access.Purpose.LIST, again.failure().get()),
          Optional.empty(), Optional.empty(), Optional.empty());
    }
    return new Listing(StreamCheck.missing(top.name(), Set.of(LoginScopes.CONFIDENTIAL),
        "Lever answered 403 to " + shown(request) + " and 200 without"
            + " confidentiality; the sync asks for confidential records too"),
        Optional.of(true), again.firstId(), Optional.of(ConfidentialAccess.no(path)));
  }

  private StreamCheck child(StreamSpec child, StreamSpec top, Listing listing,
      boolean topSelected) {
    String name = child.name();
    boolean parentFails = !listing.check().verdict().passes();
    Optional<Replication.FromParentArray> rows = child.replication().rowsFromArray();
    if (rows.isPresent()) {
      return parentFails
          ? listing.check().forStream(name, "its rows come from " + top.name() + ": ")
          : StreamCheck.ok(name, "no request of its own: rows of " + top.name() + "."
              + rows.get().arrayField() + ", covered by the " + top.name() + " result");
    }
    if (listing.readable().isEmpty() || (parentFails && !topSelected)) {
      // The sync lists the parent to reach the child: the parent's refusal is the child's.
      return listing.check().forStream(name, "read through " + top.name() + ": ");
    }
    if (halted.isPresent()) {
      return halted.get().forStream(name, "not tried: ");
    }
    if (child.replication().inlineFetch().isPresent()) {
      ReadRequest list = request(top).expand(child);
      if (listing.readable().get()) {
        list.withoutConfidential();
      }
      LeverRequest request = list.build();
      Answer asked = ask(request, top.idField());
      return asked.failure().map(e -> judge(child, request.endpoint(), Access.Purpose.LIST, e))
          .orElseGet(() -> StreamCheck.ok(name, shown(request) + " answered 200"));
    }
    if (listing.firstId().isEmpty()) {
      return StreamCheck.of(name, StreamCheck.Verdict.NOT_CHECKED, "the account has no "
          + top.name() + " record to read " + child.label() + " through");
    }
    LeverRequest request = ReadRequest.ofParent(child, listing.firstId().get()).pageSize(1).build();
    Answer asked = ask(request, child.idField());
    return asked.failure().map(e -> judge(child, request.endpoint(), Access.Purpose.ONE_PARENT,
        e)).orElseGet(() -> StreamCheck.ok(name,
        "GET " + child.label() + " answered 200 (for the first " + top.name() + " record)"));
  }

  /** Confidential access when no selected stream asked for confidential records. */
  private ConfidentialAccess confidentialAlone() {
    if (halted.isPresent()) {
      return ConfidentialAccess.unknown("not tried: " + halted.get().detail());
    }
    StreamSpec first = LeverStreams.ALL.stream().filter(s -> s.access().confidential())
        .findFirst().orElseThrow();
    Listing listing = list(first);
    return listing.confidential().orElseGet(() -> ConfidentialAccess.unknown("GET "
        + first.label() + " could not be read: " + listing.check().detail()));
  }

  /**
   * The list's request as a first sync makes it, for one record: with a window from start_date
   * when the list's filter has no fallback (a first sync reads such lists windowed, and some of
   * them default to a short window of Lever's own, a week of EEO answers, when none is sent);
   * where Lever refuses windows longer than the cursor's longest, the first window a sync asks
   * for.
   */
  private ReadRequest request(StreamSpec top) {
    ReadRequest request = ReadRequest.list(top);
    Optional<Cursor.ServerWindow> window = top.cursor().filter(c -> top.incrementalByDefault())
        .flatMap(Cursor::serverWindow).filter(w -> w.fallbackKey().isEmpty());
    if (window.isPresent()) {
      Instant end = window.get().longest().map(windowStart::plus).filter(windowEnd::isAfter)
          .orElse(windowEnd);
      request.window(windowStart, end);
    }
    // A list that returns only the fields it is named is asked for the ones a sync names.
    Optional<StreamSelection> parent = selections.stream()
        .filter(s -> s.name().equals(top.name())).findFirst();
    List<StreamSpec> children = selections.stream().map(StreamSelection::spec)
        .filter(c -> c.parent().equals(Optional.of(top.name()))).toList();
    return request.fields(ReadRequest.fieldsRead(top, parent, children)).pageSize(1);
  }

  /**
   * A request as people read it: the path and its parameters, without {@code limit}, windows as
   * instants rather than epoch milliseconds.
   */
  private static String shown(LeverRequest request) {
    List<String> parts = new ArrayList<>();
    request.params().forEach((name, values) -> {
      for (String value : values) {
        if (!name.equals("limit")) {
          // A window bound has a dozen digits; a small number is a count, shown as it is.
          Long millis = value.length() >= 12 ? EpochMillis.parse(value) : null;
          parts.add(name + "=" + (millis == null ? value : DateTimes.fromEpochMillis(millis)));
        }
      }
    });
    return "GET " + request.path() + (parts.isEmpty() ? "" : "?" + String.join("&", parts));
  }

  private record Answer(Optional<LeverApiException> failure, Optional<String> firstId) {}

  private Answer ask(LeverRequest request, String idField) {
    try {
      Page<List<ObjectNode>> page = lever.fetch(request, Optional.empty());
      return new Answer(Optional.empty(), page.records().stream()
          .map(r -> r.path(idField).asText("")).filter(id -> !id.isEmpty()).findFirst());
    } catch (LeverApiException e) {
      return new Answer(Optional.of(e), Optional.empty());
    }
  }

  /**
   * Lever's refusal of a request made for {@code spec}, in the table's words, decided as a sync
   * decides it.
   *
   * @param label the refused request's endpoint label
   */
  private StreamCheck judge(StreamSpec spec, String label, Access.Purpose purpose,
      LeverApiException e) {
    String name = spec.name();
    Access access = spec.access();
    if (e.fromTokenEndpoint() || e.status() == 401) {
      StreamCheck check = StreamCheck.of(name, e.status() == 0 ? StreamCheck.Verdict.ERROR
          : StreamCheck.Verdict.REJECTED_CREDENTIALS, e.fromTokenEndpoint() ? e.getMessage()
              : "Lever answered 401 to the " + credentials + " for " + e.endpoint());
      halted = Optional.of(check);
      return check;
    }
    if (e.status() == 0) {
      // Nothing answered: every later request would wait out the same retries.
      StreamCheck check = StreamCheck.of(name, StreamCheck.Verdict.ERROR, e.getMessage());
      halted = Optional.of(check);
      return check;
    }
    return switch (RefusalPolicy.decide(spec, label, e, purpose)) {
      case NAME_THE_SCOPE -> StreamCheck.missing(name, Set.of(access.scope()),
          RefusalPolicy.missingScope(spec, e.endpoint())
              + (access.confidential() ? " (asked with and without confidentiality)" : ""));
      case SKIP_WITH_WARNING -> StreamCheck.of(name, StreamCheck.Verdict.NOT_ENABLED,
          RefusalPolicy.reason(spec, e, purpose) + "; a sync skips it with a warning");
      case SKIP_SILENTLY -> StreamCheck.of(name, StreamCheck.Verdict.NOT_CHECKED,
          "Lever answered " + e.status() + " for " + e.endpoint() + ": the record it was read"
              + " through is gone");
      case FAIL -> StreamCheck.of(name, StreamCheck.Verdict.ERROR, e.getMessage());
    };
  }

  private static int registryIndex(String stream) {
    return LeverStreams.ALL.indexOf(LeverStreams.BY_NAME.get(stream));
  }
}
