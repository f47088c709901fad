package taplever.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import taplever.fake.FakeLever;
import taplever.fake.FakeLeverOptions;
import taplever.testing.Catalogs;
import taplever.testing.TapRun;
import taplever.testing.TempFiles;

class OAuthAndLimiterIT {
  private static final String CLIENT_SECRET = "fake-client-secret";

  @TempDir
  Path dir;
  private FakeLever fake;

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.close();
    }
  }

  private Path catalog(String... streams) {
    return new TempFiles(dir).write("catalog.json", Catalogs.selecting(streams));
  }


  @Test
  void aTwoSecondAccessTokenWithRotatingRefreshTokensLastsASyncOfSeveralSeconds() throws Exception {
    fake = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(40).withRateLimit(false)
        .withLatencyMs(40).withAccessTokenTtlSeconds(2).withStrictRotation(true));
    Path config = new TempFiles(dir).write("config.json", "{\"base_url\": \"" + fake.baseUrl() + "\","
        + " \"token_url\": \"" + fake.tokenUrl() + "\", \"client_id\": \"fake-client-id\","
        + " \"client_secret\": \"" + CLIENT_SECRET + "\", \"refresh_token\": \"fake-refresh-0\","
        + " \"start_date\": \"2000-01-01T00:00:00Z\", \"max_concurrency\": 2, \"page_size\": 10}");
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    long start = System.nanoTime();

    TapRun run = TapRun.of("--config", config.toString(), "--catalog",
        catalog("opportunities", "opportunity_offers", "opportunity_resumes").toString());

    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(seconds > 5, "the sync outlived two access tokens: " + seconds + " s");
    for (String stream : new String[] {"opportunities", "opportunity_offers", "opportunity_resumes"}) {
      assertEquals(GroundTruth.byKey(stream, fake.dataset().records(stream)).keySet(),
          GroundTruth.byKey(stream, run.records(stream)).keySet(), stream);
    }
    String saved = new ObjectMapper().readTree(config.toFile()).get("refresh_token").asText();
    assertEquals(fake.currentRefreshToken(), saved, "the newest rotated refresh token is in the config");
    assertFalse(saved.equals("fake-refresh-0"));
    assertEquals(Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(config));
    for (String secret : new String[] {CLIENT_SECRET, saved, "fake-refresh-0"}) {
      assertFalse(run.stderr().contains(secret), "secret in stderr");
      assertFalse(run.stdout().contains(secret), "secret in stdout");
    }
  }

  @Test
  void aReadOnlyConfigFailsBeforeAnyTokenIsSpent() throws Exception {
    fake = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(5));
    Path readOnly = Files.createDirectory(dir.resolve("ro"));
    Path config = Files.writeString(readOnly.resolve("config.json"), "{\"base_url\": \"" + fake.baseUrl()
        + "\", \"token_url\": \"" + fake.tokenUrl() + "\", \"client_id\": \"fake-client-id\", \"client_secret\": \""
        + CLIENT_SECRET + "\", \"refresh_token\": \"fake-refresh-0\", \"start_date\": \"2000-01-01T00:00:00Z\"}");
    // Root ignores permission bits; an immutable folder is what makes the write impossible here.
    boolean immutable = chattr("+i", readOnly);
    readOnly.toFile().setWritable(false, false);
    try {
      org.junit.jupiter.api.Assumptions.assumeTrue(immutable || !Files.isWritable(readOnly),
          "cannot make a read-only folder on this machine");

      TapRun run = TapRun.of("--config", config.toString(), "--catalog", catalog("users").toString());

      assertEquals(2, run.exitCode(), run::toString);
      assertTrue(run.stderr().contains("must be writable"), run::toString);
      assertEquals("fake-refresh-0", fake.currentRefreshToken(), "no refresh was spent");
      assertEquals(0, fake.requestCount());
    } finally {
      chattr("-i", readOnly);
      readOnly.toFile().setWritable(true, false);
    }
  }

  @Test
  void theLimiterHoldsTheConfiguredRateUnderConcurrency() throws Exception {
    fake = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(40).withRateLimit(20, 10));
    Path config = new TempFiles(dir).write("config.json", "{\"base_url\": \"" + fake.baseUrl() + "\","
        + " \"api_key\": \"fake-api-key\", \"start_date\": \"2000-01-01T00:00:00Z\","
        + " \"requests_per_second\": 15, \"burst\": 8, \"max_concurrency\": 8}");
    long start = System.nanoTime();

    TapRun run = TapRun.of("--config", config.toString(), "--catalog",
        catalog("opportunities", "opportunity_offers", "opportunity_referrals", "opportunity_resumes").toString());

    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(0, run.exitCode(), run::toString);
    long requests = fake.requestCount();
    assertTrue(requests > 100, "a real fan-out: " + requests);
    assertEquals(0, fake.rateLimitedCount(), "eight threads never went over 15/s burst 8");
    assertTrue(seconds >= (requests - 8) / 15.0 * 0.95, requests + " requests in " + seconds + " s");
  }

  /** Whether chattr set the flag; false where the machine has no chattr or the file system no flags. */
  private static boolean chattr(String flag, Path file) throws InterruptedException {
    try {
      return new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true)
          .start().waitFor() == 0;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
