package taplever.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import taplever.error.LeverApiException;
import taplever.http.LeverRequest;
import taplever.http.Page;
import taplever.http.PageSource;
import taplever.streams.Access;
import taplever.streams.Cursor;
import taplever.streams.Endpoint;
import taplever.streams.LeverStreams;
import taplever.streams.Replication;
import taplever.streams.StreamSpec;

/**
 * Asks Lever for one record of every selected stream, the way a sync asks: the list's own
 * parameters ({@code confidentiality=all}, {@code includeDeactivated=true}), a window where Lever
 * would otherwise apply its own short default (EEO answers, audit events), inline children with
 * their {@code expand}, per-parent children through the first parent record. Derived rows need no
 * request: they share their parent's result. One probe per run; not thread-safe.
 */
final class AccessProbe {
  private static final Map<String, List<String>> ONE = Map.of("limit", List.of("1"));

  private final PageSource lever;
  private final String credentials;
  private final Instant windowStart;
  private final Instant windowEnd;
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
   * @param readable the parameters of the request that succeeded (with confidentiality=all or,
   *     when only that was refused, without it); empty when the list could not be read
   */
  private record Listing(StreamCheck check, Optional<Map<String, List<String>>> readable,
      Optional<String> firstId, Optional<ConfidentialAccess> confidential) {}

  Findings run(List<StreamSpec> selected) {
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
    Endpoint endpoint = top.endpoint().orElseThrow();
    Map<String, List<String>> params = params(top);
    Answer asked = ask(endpoint.path(), endpoint.path(), params, endpoint.recordsAt(),
        top.idField());
    if (asked.failure().isEmpty()) {
      return new Listing(StreamCheck.ok(top.name(), shown(endpoint.path(), params)
          + " answered 200"),
          Optional.of(params), asked.firstId(), top.access().confidential()
              ? Optional.of(ConfidentialAccess.yes(endpoint.path())) : Optional.empty());
    }
    LeverApiException refused = asked.failure().get();
    if (!top.access().confidential() || refused.status() != 403) {
      return new Listing(judge(top, refused), Optional.empty(), Optional.empty(),
          Optional.empty());
    }
    // 403 on confidentiality=all: the scope, or only confidential access? The same list without
    // the parameter tells them apart.
    Map<String, List<String>> plain = new LinkedHashMap<>(params);
    plain.remove(top.access().confidentialityParam().get());
    Answer again = ask(endpoint.path(), endpoint.path(), plain, endpoint.recordsAt(),
        top.idField());
    if (again.failure().isPresent()) {
      return new Listing(judge(top, again.failure().get()), Optional.empty(), Optional.empty(),
          Optional.empty());
    }
    return new Listing(StreamCheck.missing(top.name(), Set.of(LoginScopes.CONFIDENTIAL),
        "Lever answered 403 to " + shown(endpoint.path(), params) + " and 200 without"
            + " confidentiality; the sync asks for confidential records too"),
        Optional.of(plain), again.firstId(), Optional.of(ConfidentialAccess.no(endpoint.path())));
  }

  private StreamCheck child(StreamSpec child, StreamSpec top, Listing listing,
      boolean topSelected) {
    String name = child.name();
    boolean parentFails = !listing.check().verdict().passes();
    if (listing.readable().isEmpty() || (parentFails && !topSelected)
        || child.replication() instanceof Replication.FromParentArray) {
      if (child.replication() instanceof Replication.FromParentArray rows) {
        return parentFails
            ? listing.check().forStream(name, "its rows come from " + top.name() + ": ")
            : StreamCheck.ok(name, "no request of its own: rows of " + top.name() + "."
                + rows.arrayField() + ", covered by the " + top.name() + " result");
      }
      // The sync lists the parent to reach the child: the parent's refusal is the child's.
      return listing.check().forStream(name, "read through " + top.name() + ": ");
    }
    if (halted.isPresent()) {
      return halted.get().forStream(name, "not tried: ");
    }
    Replication.ChildFetch fetch = ((Replication.WithParent) child.replication()).fetch();
    if (fetch instanceof Replication.ChildFetch.Inline inline) {
      Endpoint endpoint = top.endpoint().orElseThrow();
      Map<String, List<String>> params = new LinkedHashMap<>(listing.readable().get());
      params.put(inline.expandParam(), List.of(inline.expandValue()));
      Answer asked = ask(endpoint.path(), endpoint.path(), params, endpoint.recordsAt(),
          top.idField());
      return asked.failure().map(e -> judge(child, e)).orElseGet(() -> StreamCheck.ok(name,
          shown(endpoint.path(), params) + " answered 200"));
    }
    Replication.ChildFetch.PerParent perParent = (Replication.ChildFetch.PerParent) fetch;
    if (listing.firstId().isEmpty()) {
      return StreamCheck.of(name, StreamCheck.Verdict.NOT_CHECKED, "the account has no "
          + top.name() + " record to read " + perParent.pathTemplate() + " through");
    }
    Answer asked = ask(perParent.pathFor(listing.firstId().get()), perParent.pathTemplate(), ONE,
        List.of("data"), child.idField());
    return asked.failure().map(e -> judge(child, e)).orElseGet(() -> StreamCheck.ok(name,
        "GET " + perParent.pathTemplate() + " answered 200 (for the first " + top.name()
            + " record)"));
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
   * The list's own parameters, one record, and a window from start_date to now when the list's
   * filter has no fallback: a first sync reads such lists windowed, and some of them default to
   * a short window of Lever's own (a week of EEO answers) when none is sent. Where Lever refuses
   * windows longer than the cursor's longest, the window is the first one a sync asks for.
   */
  private Map<String, List<String>> params(StreamSpec top) {
    Endpoint endpoint = top.endpoint().orElseThrow();
    Map<String, List<String>> params = new LinkedHashMap<>(endpoint.params());
    if (top.replication() instanceof Replication.Incremental incremental
        && incremental.key().filter() instanceof Cursor.ServerWindow window
        && window.fallbackKey().isEmpty()) {
      Instant end = window.longest().map(windowStart::plus).filter(windowEnd::isAfter)
          .orElse(windowEnd);
      params.put(window.startParam(), List.of(Long.toString(windowStart.toEpochMilli())));
      params.put(window.endParam(), List.of(Long.toString(end.toEpochMilli())));
    }
    params.putAll(ONE);
    return params;
  }

  /**
   * A request as people read it: the path and its parameters, without {@code limit}, windows as
   * instants rather than epoch milliseconds.
   */
  private static String shown(String path, Map<String, List<String>> params) {
    List<String> parts = new ArrayList<>();
    params.forEach((name, values) -> {
      for (String value : values) {
        if (!name.equals("limit")) {
          parts.add(name + "=" + (value.matches("\\d{12,}")
              ? Instant.ofEpochMilli(Long.parseLong(value)).toString() : value));
        }
      }
    });
    return "GET " + path + (parts.isEmpty() ? "" : "?" + String.join("&", parts));
  }

  private record Answer(Optional<LeverApiException> failure, Optional<String> firstId) {}

  private Answer ask(String path, String label, Map<String, List<String>> params,
      List<String> recordsAt, String idField) {
    try {
      Page<List<ObjectNode>> page = lever.fetch(new LeverRequest(path, label, params, recordsAt),
          Optional.empty());
      return new Answer(Optional.empty(), page.records().stream()
          .map(r -> r.path(idField).asText("")).filter(id -> !id.isEmpty()).findFirst());
    } catch (LeverApiException e) {
      return new Answer(Optional.of(e), Optional.empty());
    }
  }

  /** Lever's refusal of {@code spec}'s own request, in the table's words. */
  private StreamCheck judge(StreamSpec spec, LeverApiException e) {
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
    String scope = "'" + access.scope() + "'";
    return switch (e.status()) {
      case 403 -> switch (access.refusal()) {
        case FATAL -> StreamCheck.missing(name, Set.of(access.scope()), "Lever answered 403"
            + " for " + e.endpoint() + (access.confidential() ? ", with and without"
                + " confidentiality=all (" + LoginScopes.CONFIDENTIAL + " may be missing too)"
                : ""));
        case ADD_ON -> StreamCheck.of(name, StreamCheck.Verdict.NOT_ENABLED, "Lever answered 403"
            + " for " + e.endpoint() + ": an add-on this account may not have (or the"
            + " credentials lack " + scope + "); a sync skips it with a warning");
        case UNVERIFIED_ENDPOINT -> notServed(name, e, scope);
      };
      case 404 -> access.refusal() == Access.Refusal.UNVERIFIED_ENDPOINT
          ? notServed(name, e, scope)
          : StreamCheck.of(name, StreamCheck.Verdict.ERROR, e.getMessage());
      default -> StreamCheck.of(name, StreamCheck.Verdict.ERROR, e.getMessage());
    };
  }

  private static StreamCheck notServed(String name, LeverApiException e, String scope) {
    return StreamCheck.of(name, StreamCheck.Verdict.NOT_ENABLED, "Lever answered " + e.status()
        + " for " + e.endpoint() + ": not in Lever's reference and not served to this account"
        + (e.status() == 403 ? " (or the credentials lack " + scope + ")" : "")
        + "; a sync skips it with a warning");
  }

  private static int registryIndex(String stream) {
    return LeverStreams.ALL.indexOf(LeverStreams.BY_NAME.get(stream));
  }
}
