package taplever.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taplever.fake.FakeLeverClient.HTTP;
import static taplever.fake.FakeLeverClient.JSON;
import static taplever.fake.FakeLeverClient.basic;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import taplever.cli.FakeServerCommand;

/** {@code tap-lever fake-server} end to end: config line, files, serving, stopping. */
class FakeServerCommandTest {
  @TempDir Path dir;

  @Test
  void printsTheTapConfigServesAndStopsWhenInterrupted() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new FakeServerCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    Path config = dir.resolve("config.json");
    Path truth = dir.resolve("truth.json");
    AtomicInteger exit = new AtomicInteger(-1);
    Thread server =
        new Thread(
            () ->
                exit.set(
                    cli.execute(
                        "--opportunities=12",
                        "--seed=3",
                        "--no-rate-limit",
                        "--api-key=k1",
                        "--write-config=" + config,
                        "--dump-ground-truth=" + truth)));
    server.start();
    // The config line is flushed first, the "listening" line on stderr after it.
    awaitFor(() -> out.toString().contains("\n")
        && err.toString().contains("fake Lever listening"));
    String line = out.toString().trim();
    JsonNode conf = JSON.readTree(line);
    assertEquals("k1", conf.get("api_key").asText());
    assertEquals("2019-01-01T00:00:00Z", conf.get("start_date").asText());
    String baseUrl = conf.get("base_url").asText();
    assertTrue(baseUrl.matches("http://127\\.0\\.0\\.1:\\d+/v1"), baseUrl);
    assertEquals(line, Files.readString(config).trim());
    assertEquals(12, JSON.readTree(truth.toFile()).get("opportunities").size());
    assertTrue(err.toString().contains("fake Lever listening on " + baseUrl), err.toString());

    HttpRequest stages =
        HttpRequest.newBuilder(URI.create(baseUrl + "/stages"))
            .header("Authorization", basic("k1"))
            .build();
    assertEquals(200, HTTP.send(stages, HttpResponse.BodyHandlers.ofString()).statusCode());

    server.interrupt();
    server.join(10_000);
    assertEquals(0, exit.get());
    assertThrows(IOException.class, () -> HTTP.send(stages, HttpResponse.BodyHandlers.ofString()));
  }

  @Test
  void permissionAndDataFlagsReachTheServer() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new FakeServerCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    Path truth = dir.resolve("truth.json");
    AtomicInteger exit = new AtomicInteger(-1);
    Thread server =
        new Thread(
            () ->
                exit.set(
                    cli.execute(
                        "--opportunities=40",
                        "--no-rate-limit",
                        "--deny-scope=notes:read:admin,users:read:admin",
                        "--no-confidential-access",
                        "--no-add-ons",
                        "--no-deleted-postings",
                        "--new-fields",
                        "--live-share=0",
                        "--dump-ground-truth=" + truth)));
    server.start();
    awaitFor(() -> out.toString().contains("\n"));
    String baseUrl = JSON.readTree(out.toString().trim()).get("base_url").asText();
    JsonNode opportunities = JSON.readTree(truth.toFile()).get("opportunities");
    for (JsonNode o : opportunities) {
      assertTrue(o.get("archived").isObject(), "live share 0: every generated one archived");
    }
    assertTrue(JSON.readTree(truth.toFile()).toString().contains("brandNew"));
    String id = opportunities.get(0).get("id").asText();
    assertEquals(403, status(baseUrl + "/users"));
    assertEquals(403, status(baseUrl + "/opportunities/" + id + "/notes"));
    assertEquals(200, status(baseUrl + "/opportunities/" + id + "/offers"));
    assertEquals(403, status(baseUrl + "/opportunities?confidentiality=all"));
    assertEquals(403, status(baseUrl + "/audit_events"));
    assertEquals(404, status(baseUrl + "/postings/deleted"));
    server.interrupt();
    server.join(10_000);
    assertEquals(0, exit.get());
  }

  @Test
  void anImpossibleLiveShareIsAUsageError() {
    CommandLine cli = new CommandLine(new FakeServerCommand());
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    assertEquals(2, cli.execute("--live-share=1.5"));
    assertTrue(err.toString().contains("liveShare"), err.toString());
  }

  @Test
  void aPortOutOfRangeIsAUsageErrorSayingTheRange() {
    CommandLine cli = new CommandLine(new FakeServerCommand());
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    assertEquals(2, cli.execute("--port", "99999"));
    assertTrue(err.toString().contains("fake-server: port must be from 0 to 65535, not 99999"),
        err.toString());
    assertFalse(err.toString().contains("negative"), err.toString());
  }

  /** Waits, for at most ten seconds, until the server has printed what {@code printed} needs. */
  private static void awaitFor(BooleanSupplier printed) throws InterruptedException {
    for (int i = 0; i < 200 && !printed.getAsBoolean(); i++) {
      Thread.sleep(50);
    }
  }

  private static int status(String url) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", basic("fake-api-key"))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
