package taplever.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which OAuth scope / API-key permission each endpoint needs (§2.2), and the 403s that follow when
 * a credential lacks one or the account lacks an add-on.
 *
 * <ul>
 *   <li>{@code /opportunities}, {@code /opportunities/:id}, {@code /opportunities/deleted}: {@code
 *       opportunities:read:admin}; {@code expand=applications} adds {@code
 *       applications:read:admin}, {@code expand=contact} adds {@code contact:read:admin}.
 *   <li>{@code /opportunities/:id/<child>}: {@code <child>:read:admin} (applications, offers,
 *       referrals, resumes, feedback, notes, interviews, panels, files, forms).
 *   <li>{@code /candidates...}: the deprecated twins need what their {@code /opportunities} twin
 *       needs. Lever's current scope list has no candidates scope; the legacy {@code
 *       candidates:read:admin} of Lever's example token is also accepted for {@code /candidates}
 *       and {@code /candidates/:id}.
 *   <li>{@code /contacts/:id}: {@code contact:read:admin} (singular, as Lever spells it).
 *   <li>{@code /postings}, {@code /postings/deleted}: {@code postings:read:admin}.
 *   <li>{@code /eeo/responses/pii}: {@code eeo_responses_pii:read:admin}, and the EEO add-on.
 *   <li>{@code /audit_events}: {@code audit_events:read:admin}, and the audit add-on.
 *   <li>every other list: {@code <path>:read:admin} ({@code users}, {@code stages} ...).
 *   <li>{@code confidentiality=all|confidential}: {@code confidential:access:admin} (checked by
 *       {@link Confidentiality}).
 * </ul>
 *
 * <p>A missing scope answers Lever's documented 403 sentence, which does not name the scope.
 */
final class EndpointScopes {
  static final String CONFIDENTIAL = "confidential:access:admin";
  static final String FORBIDDEN =
      "Your Lever account settings don't authorize you to perform the requested operation. Talk"
          + " to a Super Admin on your Lever account to update your API settings.";
  static final String ADD_ON_MISSING =
      "This feature is an add-on that is not enabled for your account. Please reach out to your"
          + " Customer Success Manager to learn more.";
  private static final Set<String> LEGACY_CANDIDATES = Set.of("candidates:read:admin");

  private EndpointScopes() {}

  /** The scopes {@code route} with query {@code q} needs, all of them. */
  static List<String> required(Route route, ListQuery q) {
    List<String> scopes = new ArrayList<>();
    switch (route.endpoint()) {
      case OPPORTUNITY_LIST, OPPORTUNITY -> {
        scopes.add("opportunities:read:admin");
        List<String> expand = q.all("expand");
        if (expand.contains("applications")) {
          scopes.add("applications:read:admin");
        }
        if (expand.contains("contact")) {
          scopes.add("contact:read:admin");
        }
      }
      case DELETED_OPPORTUNITIES -> scopes.add("opportunities:read:admin");
      case OPPORTUNITY_CHILDREN -> scopes.add(route.child().path() + ":read:admin");
      case CONTACT -> scopes.add("contact:read:admin");
      case POSTINGS, DELETED_POSTINGS -> scopes.add("postings:read:admin");
      case EEO_PII -> scopes.add("eeo_responses_pii:read:admin");
      case ACCOUNT_LIST -> scopes.add(route.root() + ":read:admin");
    }
    return scopes;
  }

  /** Whether {@code route} is part of an add-on (audit events, EEO responses). */
  static boolean isAddOn(Route route) {
    return route.endpoint() == Route.Endpoint.EEO_PII
        || route.endpoint() == Route.Endpoint.ACCOUNT_LIST && route.root().equals("audit_events");
  }

  /** Throws the 403 {@code credential} gets for {@code route}, if any. */
  static void check(Route route, ListQuery q, Credential credential, boolean addOns) {
    if (!addOns && isAddOn(route)) {
      throw ApiError.forbidden(ADD_ON_MISSING);
    }
    boolean legacy =
        route.root().equals("candidates")
            && (route.endpoint() == Route.Endpoint.OPPORTUNITY_LIST
                || route.endpoint() == Route.Endpoint.OPPORTUNITY);
    for (String scope : required(route, q)) {
      boolean opportunities = scope.equals("opportunities:read:admin");
      if (!credential.allows(scope, legacy && opportunities ? LEGACY_CANDIDATES : Set.of())) {
        throw ApiError.forbidden(FORBIDDEN);
      }
    }
  }
}
