package taplever.fake;

import java.util.Set;

/**
 * Who a data request authenticated as: the rate-limit bucket it draws from and the scopes it holds.
 * {@code denied} scopes are never held; when {@code granted} is null every other scope is, else
 * only those (a {@code :write:} scope implies its {@code :read:} twin).
 */
record Credential(String bucket, Set<String> denied, Set<String> granted) {
  Credential {
    denied = Set.copyOf(denied);
    granted = granted == null ? null : Set.copyOf(granted);
  }

  /** Whether {@code scope} (or one of {@code alternatives}, e.g. a legacy name) is held. */
  boolean allows(String scope, Set<String> alternatives) {
    if (denied.contains(scope)) {
      return false;
    }
    if (granted == null
        || granted.contains(scope)
        || granted.contains(scope.replace(":read:", ":write:"))) {
      return true;
    }
    return alternatives.stream().anyMatch(granted::contains);
  }

  boolean allows(String scope) {
    return allows(scope, Set.of());
  }

  boolean confidentialAccess() {
    return allows(EndpointScopes.CONFIDENTIAL);
  }
}
