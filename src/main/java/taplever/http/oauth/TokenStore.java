package taplever.http.oauth;

import taplever.config.Secret;

/**
 * Where a rotated OAuth refresh token goes. The CLI passes one over
 * {@code ConfigFileWriter}, so this package never writes files itself.
 */
@FunctionalInterface
public interface TokenStore {

  /** A store for API-key runs and tests, which has nothing to keep. */
  TokenStore NONE = token -> { };

  /** Persists the token durably before returning; throws if it could not. */
  void save(Secret newRefreshToken);

  /**
   * Called before each refresh, while the current refresh token is still unspent: throws if a
   * new one could not be saved (a full disk), so the refresh is not made.
   */
  default void checkReady() {
  }

  /** A store that saves through {@code save} and checks through {@code ready}. */
  static TokenStore of(TokenStore save, Runnable ready) {
    return new TokenStore() {
      @Override
      public void save(Secret newRefreshToken) {
        save.save(newRefreshToken);
      }

      @Override
      public void checkReady() {
        ready.run();
      }
    };
  }
}
