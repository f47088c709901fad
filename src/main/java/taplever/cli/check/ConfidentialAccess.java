package taplever.cli.check;

import java.util.Optional;

/**
 * Whether the credentials can read confidential postings, opportunities and requisitions.
 *
 * <p>Lever offers no endpoint that describes a key. Its reference ("Confidential Data") says
 * instead that a key without confidential access gets "an access error" for "any request to
 * retrieve confidential data", and that lists leave confidential records out unless asked with
 * {@code confidentiality}. So the documented test is the sync's own request: a list asked with
 * {@code confidentiality=all} answers 200 with access and 403 without, while the same list asked
 * without it answers 200 either way.
 *
 * @param readable empty when no list could be read at all (a missing scope, rejected credentials)
 * @param evidence the requests and answers the finding rests on
 */
record ConfidentialAccess(Optional<Boolean> readable, String evidence) {
  static final String METHOD = "Lever's documented access error: a list asked with"
      + " confidentiality=all answers 403 to credentials without confidential access, and 200"
      + " without that parameter";

  static ConfidentialAccess yes(String path) {
    return new ConfidentialAccess(Optional.of(true), "GET " + path + "?confidentiality=all"
        + " answered 200");
  }

  static ConfidentialAccess no(String path) {
    return new ConfidentialAccess(Optional.of(false), "GET " + path + "?confidentiality=all"
        + " answered 403 while GET " + path + " answered 200");
  }

  static ConfidentialAccess unknown(String why) {
    return new ConfidentialAccess(Optional.empty(), why);
  }

  String words() {
    return readable.map(r -> r ? "readable" : "not readable").orElse("unknown");
  }
}
