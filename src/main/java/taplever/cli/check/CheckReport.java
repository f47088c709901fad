package taplever.cli.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import taplever.error.ShownText;

/**
 * What {@code check} tells: a table for people on stderr, one JSON object for orchestrators on
 * stdout. Holds no secret: the details are Lever's answers as the HTTP layer words them, which
 * never carry a header, a query string's token or a credential. The table shows them through
 * {@link ShownText}, so a detail cannot break a row whoever worded it; the JSON keeps them whole.
 *
 * @param credentials how the tap authenticates, as {@code Credentials.mode()} words it
 * @param credentialsKey the same for machines: {@code api_key} or {@code oauth}
 * @param host the origin the requests went to, {@code scheme://host[:port]}
 * @param grant what would grant the missing scopes: the exact {@code login} command for OAuth,
 *     what to generate for an API key; empty when no scope is missing
 * @param credentialsFailure Lever refused the credentials (401, the token endpoint) or did not
 *     answer, on any request of the check; empty when it accepted them
 */
record CheckReport(List<StreamCheck> streams, ConfidentialAccess confidential, String credentials,
    String credentialsKey, String region, String host, Optional<String> grant,
    Optional<StreamCheck> credentialsFailure) {

  CheckReport {
    streams = List.copyOf(streams);
  }

  /**
   * Lever accepted the credentials and every selected stream can be synced (a child the account
   * gives no parent for included). Credentials it refused fail the check even when no stream is
   * selected: no sync could run with them.
   */
  boolean passes() {
    return credentialsFailure.isEmpty() && streams.stream().allMatch(s -> s.verdict().passes());
  }

  /** "API key", or "API key, rejected (why)" / "API key, not confirmed (why)". */
  private String credentialsLine() {
    return credentialsFailure.map(f -> credentials + (f.verdict()
        == StreamCheck.Verdict.REJECTED_CREDENTIALS ? ", rejected (" : ", not confirmed (")
        + ShownText.of(f.detail(), ShownText.MESSAGE) + ")").orElse(credentials);
  }

  String text() {
    String[] head = {"STREAM", "RESULT", "DETAIL"};
    int nameWidth = head[0].length();
    int resultWidth = head[1].length();
    for (StreamCheck s : streams) {
      nameWidth = Math.max(nameWidth, s.stream().length());
      resultWidth = Math.max(resultWidth, result(s).length());
    }
    String row = "  %-" + nameWidth + "s  %-" + resultWidth + "s  %s%n";
    StringBuilder out = new StringBuilder();
    long readable = streams.stream().filter(s -> s.verdict() == StreamCheck.Verdict.OK).count();
    out.append("tap-lever check: ").append(readable).append(" of ").append(streams.size())
        .append(" selected streams readable").append(System.lineSeparator());
    out.append(String.format(row, (Object[]) head));
    for (StreamCheck s : streams) {
      out.append(String.format(row, s.stream(), result(s), ShownText.of(s.detail(),
          ShownText.MESSAGE)));
    }
    out.append("Credentials: ").append(credentialsLine()).append(System.lineSeparator());
    out.append("Region: ").append(region).append(System.lineSeparator());
    out.append("Host: ").append(host).append(System.lineSeparator());
    out.append("Confidential data: ").append(confidential.words()).append(" (")
        .append(ShownText.of(confidential.evidence(), ShownText.MESSAGE)).append(")")
        .append(System.lineSeparator());
    out.append("  method: ").append(ConfidentialAccess.METHOD).append(System.lineSeparator());
    grant.ifPresent(g -> out.append("To grant the missing scopes: ").append(g)
        .append(System.lineSeparator()));
    return out.toString();
  }

  /** The table's RESULT: the verdict, with the missing scopes named. */
  private static String result(StreamCheck s) {
    return s.missingScopes().isEmpty() ? s.verdict().words()
        : s.verdict().words() + " " + String.join(" ", s.missingScopes());
  }

  ObjectNode json(ObjectMapper mapper) {
    ObjectNode root = mapper.createObjectNode();
    root.put("readable", passes());
    ArrayNode list = root.putArray("streams");
    for (StreamCheck s : streams) {
      ObjectNode row = list.addObject();
      row.put("stream", s.stream());
      row.put("status", s.verdict().jsonName());
      row.put("detail", s.detail());
      ArrayNode scopes = row.putArray("missing_scopes");
      s.missingScopes().forEach(scopes::add);
    }
    root.put("credentials", credentialsKey);
    // Why "readable" is false when no stream row says so: Lever refused the credentials.
    credentialsFailure.ifPresentOrElse(f -> root.putObject("credentials_failure")
        .put("status", f.verdict().jsonName()).put("detail", f.detail()),
        () -> root.putNull("credentials_failure"));
    root.put("region", region);
    root.put("host", host);
    ObjectNode access = root.putObject("confidential_access");
    confidential.readable().ifPresentOrElse(r -> access.put("readable", r),
        () -> access.putNull("readable"));
    access.put("method", ConfidentialAccess.METHOD);
    access.put("evidence", confidential.evidence());
    grant.ifPresentOrElse(g -> root.put("grant", g), () -> root.putNull("grant"));
    return root;
  }
}
