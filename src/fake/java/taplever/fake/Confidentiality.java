package taplever.fake;

/** The {@code confidentiality} list filter of opportunities, postings and requisitions (§6.4). */
enum Confidentiality {
  NON_CONFIDENTIAL,
  CONFIDENTIAL,
  ALL;

  /**
   * Parses the query's value (default {@code non-confidential}); asking for confidential records
   * without confidential access is a 403.
   */
  static Confidentiality of(ListQuery query, Credential credential) {
    String raw = query.first("confidentiality");
    Confidentiality value;
    if (raw == null || "non-confidential".equals(raw)) {
      value = NON_CONFIDENTIAL;
    } else if ("confidential".equals(raw)) {
      value = CONFIDENTIAL;
    } else if ("all".equals(raw)) {
      value = ALL;
    } else {
      throw ApiError.badRequest(
          "Invalid confidentiality: expected confidential, non-confidential or all");
    }
    if (value != NON_CONFIDENTIAL && !credential.confidentialAccess()) {
      throw ApiError.forbidden("This API key does not have access to confidential data");
    }
    return value;
  }

  boolean admits(boolean confidential) {
    return switch (this) {
      case NON_CONFIDENTIAL -> !confidential;
      case CONFIDENTIAL -> confidential;
      case ALL -> true;
    };
  }

  boolean admits(com.fasterxml.jackson.databind.node.ObjectNode record) {
    return admits("confidential".equals(Nodes.text(record, "confidentiality")));
  }
}
