package taplever.http;

import taplever.config.Secret;

/**
 * Where a rotated OAuth refresh token goes. The CLI passes
 * {@code ConfigFileWriter::saveRefreshToken}, so this package never writes files itself.
 */
@FunctionalInterface
public interface TokenStore {

  /** A store for API-key runs and tests, which has nothing to keep. */
  TokenStore NONE = token -> { };

  /** Persists the token durably before returning; throws if it could not. */
  void save(Secret newRefreshToken);
}
