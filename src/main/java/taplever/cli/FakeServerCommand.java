package taplever.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import taplever.fake.FakeLever;
import taplever.fake.FakeLeverOptions;

/**
 * {@code tap-lever fake-server}: runs the fake Lever API until interrupted, for trying the tap
 * without a Lever account. Prints a ready-to-use tap config as one JSON line on stdout.
 */
@Command(
    name = "fake-server",
    mixinStandardHelpOptions = true,
    description = {
      "Run a fake Lever API on 127.0.0.1 with a deterministic generated dataset.",
      "Prints a tap config JSON line on stdout; Ctrl-C stops it."
    })
public final class FakeServerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port = 0;

  @Option(names = "--seed", description = "Dataset seed (default: ${DEFAULT-VALUE}).")
  long seed = FakeLeverOptions.defaults().seed();

  @Option(
      names = "--opportunities",
      description = "Number of opportunities generated (default: ${DEFAULT-VALUE}).")
  int opportunities = FakeLeverOptions.defaults().opportunities();

  @Option(names = "--api-key", description = "API key accepted (default: ${DEFAULT-VALUE}).")
  String apiKey = FakeLeverOptions.defaults().apiKey();

  @Option(
      names = "--latency-ms",
      description = "Delay before each data response (default: ${DEFAULT-VALUE}).")
  int latencyMs = 0;

  @Option(
      names = "--fault-every",
      description =
          "Fail every Nth data request with a 5xx, a truncated body or a dropped connection;"
              + " 0 = never (default: ${DEFAULT-VALUE}).")
  int faultEvery = 0;

  @Option(names = "--no-rate-limit", description = "Never answer 429.")
  boolean noRateLimit;

  @Option(
      names = "--requests-per-second",
      description = "Steady rate per credential before 429s (default: ${DEFAULT-VALUE}).")
  double requestsPerSecond = FakeLeverOptions.defaults().requestsPerSecond();

  @Option(names = "--burst", description = "Token-bucket capacity (default: ${DEFAULT-VALUE}).")
  int burst = FakeLeverOptions.defaults().burst();

  @Option(
      names = "--access-token-ttl",
      paramLabel = "SECONDS",
      description = "expires_in of OAuth access tokens (default: ${DEFAULT-VALUE}).")
  long accessTokenTtl = FakeLeverOptions.defaults().accessTokenTtlSeconds();

  @Option(
      names = "--live-share",
      description = "Share of opportunities not archived, 0..1 (default: ${DEFAULT-VALUE}).")
  double liveShare = FakeLeverOptions.defaults().liveShare();

  @Option(
      names = "--deny-scope",
      paramLabel = "SCOPE",
      split = ",",
      description = "A scope the API key and tokens lack (repeatable), e.g. feedback:read:admin.")
  Set<String> deniedScopes = new LinkedHashSet<>();

  @Option(names = "--no-confidential-access", description = "confidentiality=all answers 403.")
  boolean noConfidentialAccess;

  @Option(names = "--no-add-ons", description = "/audit_events and /eeo/responses/pii answer 403.")
  boolean noAddOns;

  @Option(names = "--no-deleted-postings", description = "/postings/deleted answers 404.")
  boolean noDeletedPostings;

  @Option(names = "--new-fields", description = "Records carry fields no schema declares.")
  boolean newFields;

  @Option(
      names = "--dump-ground-truth",
      paramLabel = "FILE",
      description = "Write every stream's expected records as JSON to FILE at start.")
  Path dumpGroundTruth;

  @Option(
      names = "--write-config",
      paramLabel = "FILE",
      description = "Also write the tap config JSON to FILE.")
  Path writeConfig;

  @Override
  public Integer call() throws IOException {
    FakeLeverOptions options;
    try {
      options =
          FakeLeverOptions.defaults()
              .withPort(port)
              .withSeed(seed)
              .withOpportunities(opportunities)
              .withApiKey(apiKey)
              .withLatencyMs(latencyMs)
              .withFaultEvery(faultEvery)
              .withAccessTokenTtlSeconds(accessTokenTtl)
              .withLiveShare(liveShare)
              .withDeniedScopes(deniedScopes)
              .withConfidentialAccess(!noConfidentialAccess)
              .withAddOns(!noAddOns)
              .withDeletedPostingsEndpoint(!noDeletedPostings)
              .withNewFields(newFields);
      options =
          noRateLimit
              ? options.withRateLimit(false)
              : options.withRateLimit(requestsPerSecond, burst);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "fake-server: " + e.getMessage());
    }
    FakeLever lever = FakeLever.start(options);
    Thread hook = new Thread(lever::close, "fake-lever-shutdown");
    try {
      ObjectMapper mapper = new ObjectMapper();
      if (dumpGroundTruth != null) {
        try (OutputStream out = Files.newOutputStream(dumpGroundTruth)) {
          lever.dataset().writeGroundTruth(out);
        }
      }
      ObjectNode config = mapper.createObjectNode();
      config.put("base_url", lever.baseUrl());
      config.put("api_key", apiKey);
      config.put("start_date", "2019-01-01T00:00:00Z");
      String line = mapper.writeValueAsString(config);
      if (writeConfig != null) {
        Files.writeString(writeConfig, line + "\n", StandardCharsets.UTF_8);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(line);
      out.flush();
      PrintWriter err = spec.commandLine().getErr();
      err.println("fake Lever listening on " + lever.baseUrl() + " — Ctrl-C to stop");
      err.println(
          "OAuth: token URL "
              + lever.tokenUrl()
              + ", client_id "
              + options.clientId()
              + ", client_secret "
              + options.clientSecret()
              + ", refresh_token "
              + options.refreshToken());
      err.flush();
      Runtime.getRuntime().addShutdownHook(hook);
      new CountDownLatch(1).await();
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException | IllegalArgumentException e) {
        // JVM already shutting down: the hook closes the server
      }
      lever.close();
    }
  }
}
