package taplever.fake;

import java.util.Locale;

/**
 * The per-opportunity child collections ({@code /opportunities/:id/<path>}), with the timestamp
 * each list is ordered by (newest first) and whether the endpoint accepts {@code
 * uploaded_at_start/_end}.
 */
enum ChildKind {
  APPLICATIONS("createdAt"),
  OFFERS("createdAt"),
  REFERRALS("createdAt"),
  RESUMES("createdAt"),
  FEEDBACK("createdAt"),
  NOTES("createdAt"),
  INTERVIEWS("createdAt"),
  PANELS("createdAt"),
  FORMS("createdAt"),
  FILES("uploadedAt");

  private final String sortField;

  ChildKind(String sortField) {
    this.sortField = sortField;
  }

  /** Path segment, e.g. {@code offers}. */
  String path() {
    return name().toLowerCase(Locale.ROOT);
  }

  String sortField() {
    return sortField;
  }

  /** Resumes and files accept {@code uploaded_at_start/_end}. */
  boolean hasUploadedFilter() {
    return this == RESUMES || this == FILES;
  }

  /**
   * The moment an upload filter compares: a file's {@code uploadedAt}, a resume's {@code
   * file.uploadedAt} falling back to its {@code createdAt} (as Lever documents).
   */
  long uploadedAt(com.fasterxml.jackson.databind.node.ObjectNode record) {
    if (this == FILES) {
      return Nodes.millis(record, "uploadedAt", Long.MIN_VALUE);
    }
    var file = record.get("file");
    if (file instanceof com.fasterxml.jackson.databind.node.ObjectNode fileNode
        && fileNode.path("uploadedAt").isNumber()) {
      return fileNode.get("uploadedAt").asLong();
    }
    return Nodes.millis(record, "createdAt", Long.MIN_VALUE);
  }

  /** The kind whose path segment is {@code path}, or null. */
  static ChildKind fromPath(String path) {
    for (ChildKind kind : values()) {
      if (kind.path().equals(path)) {
        return kind;
      }
    }
    return null;
  }
}
