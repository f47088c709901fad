package taplever.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The validated config. Built by {@link ConfigLoader} from the {@link Settings} registry;
 * everything downstream trusts it. Settings come in groups that go as they are to the code that
 * uses them, so a new one is its registry entry, its group's field and its README row.
 *
 * @param source the file it came from, so a rotated OAuth refresh token can be written back
 * @param scopes {@code scopes}: what {@code login} asks for
 * @param authorizeUrl where {@code login} sends the browser; the region's by default
 * @param pii {@code pii}: what to do with personal data, and the HMAC secret when hashing
 */
public record TapConfig(
    Credentials credentials,
    Optional<Path> source,
    Optional<String> scopes,
    Region region,
    String authorizeUrl,
    HttpSettings http,
    EngineSettings engine,
    PiiPolicy pii) {}
