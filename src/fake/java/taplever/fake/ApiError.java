package taplever.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A data-API failure answered as {@code {"code": ..., "message": ...}} with an HTTP status
 * (reference §5).
 */
final class ApiError extends RuntimeException {
  static final String INVALID_OFFSET = "Invalid offset token: Offset token is invalid for sort";
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String code;

  ApiError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, "BadRequest", message);
  }

  static ApiError unauthorized(String message) {
    return new ApiError(401, "Unauthorized", message);
  }

  static ApiError forbidden(String message) {
    return new ApiError(403, "Forbidden", message);
  }

  static ApiError notFound(String message) {
    return new ApiError(404, "ResourceNotFound", message);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  ObjectNode body() {
    return Nodes.object().put("code", code).put("message", getMessage());
  }
}
