package taplever.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import taplever.cli.Version;
import taplever.fake.FakeLever;
import taplever.fake.FakeLeverOptions;
import taplever.testing.Catalogs;
import taplever.testing.TempFiles;

/**
 * The release archives as a user runs them: unpacked with tar into a folder of their own, the
 * runtime archive on a host with no Java at all (no java on PATH, no JAVA_HOME), called by its path
 * and through a symlink on PATH. {@code mvn package} builds the archives before failsafe runs this.
 */
class DistributionIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path TARGET = Path.of(System.getProperty("dist.target", "target")).toAbsolutePath();
  private static final String VERSION = Version.current();
  private static final Path HOST_JAVA_HOME = Path.of(System.getProperty("java.home"));
  private static final String[] STREAMS = {"opportunities", "opportunity_applications", "opportunity_offers",
      "users", "stages"};

  @TempDir
  Path dir;

  /** What one run of the launcher left: its exit code, stdout and stderr. */
  private record Run(int exit, String stdout, String stderr) {
    List<JsonNode> messages() throws IOException {
      List<JsonNode> out = new ArrayList<>();
      for (String line : stdout.split("\n")) {
        if (!line.isBlank()) {
          out.add(JSON.readTree(line));
        }
      }
      return out;
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout ---\n" + abbreviate(stdout) + "\n--- stderr ---\n" + abbreviate(stderr);
    }

    private static String abbreviate(String s) {
      return s.length() > 3000 ? s.substring(0, 3000) + "..." : s;
    }
  }

  /** Unpacks {@code target/<name>.tar.gz} into a new folder and returns the folder it holds. */
  private Path unpack(String name) throws Exception {
    Path archive = TARGET.resolve(name + ".tar.gz");
    assertTrue(Files.isRegularFile(archive), archive + " was not built (see the build's 'archives' lines)");
    Path into = Files.createDirectories(dir.resolve("unpacked-" + name));
    Process tar = new ProcessBuilder("tar", "xzf", archive.toString(), "-C", into.toString()).inheritIO().start();
    assertEquals(0, tar.waitFor());
    try (var entries = Files.list(into)) {
      assertEquals(List.of(into.resolve(name)), entries.toList(), "one folder named as the archive");
    }
    return into.resolve(name);
  }

  /**
   * An environment with no Java: PATH holds only a folder of links to what the launcher uses
   * (readlink) and {@code more}; JAVA_HOME, JAVA and JAVA_OPTS are unset.
   */
  private Map<String, String> noJava(Path... more) throws Exception {
    Path tools = dir.resolve("tools");
    if (!Files.isDirectory(tools)) {
      Files.createDirectories(tools);
      // A script rather than a symlink: JUnit warns about links leaving its temporary folder.
      Path real = Files.exists(Path.of("/usr/bin/readlink")) ? Path.of("/usr/bin/readlink") : Path.of("/bin/readlink");
      Path readlink = Files.writeString(tools.resolve("readlink"), "#!/bin/sh\nexec " + real + " \"$@\"\n");
      assertTrue(readlink.toFile().setExecutable(true));
    }
    StringBuilder path = new StringBuilder(tools.toString());
    for (Path p : more) {
      path.append(':').append(p);
    }
    Map<String, String> env = Map.of("PATH", path.toString(), "HOME", dir.toString(), "LANG", "C.UTF-8");
    assertNotEquals(0, exec(List.of("/bin/sh", "-c", "command -v java"), env).exit(), "a java on " + path);
    return env;
  }

  private static Map<String, String> with(Map<String, String> env, String key, String value) {
    Map<String, String> more = new java.util.HashMap<>(env);
    more.put(key, value);
    return more;
  }

  private ProcessBuilder process(List<String> command, Map<String, String> env) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    return pb;
  }

  private Run exec(List<String> command, Map<String, String> env) throws Exception {
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    Process p = process(command, env).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished: " + command);
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** The tap called as {@code how} says: a launcher's path, or a name looked up on PATH by sh. */
  private Run tap(List<String> how, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(how);
    command.addAll(List.of(args));
    return exec(command, env);
  }

  /** {@code sh -c 'tap-lever "$@"'}: the shell finds tap-lever on the child's PATH, as a cron job would. */
  private static List<String> byName() {
    return List.of("/bin/sh", "-c", "tap-lever \"$@\"", "sh");
  }

  private static String expectedVersionLine() {
    return "tap-lever " + VERSION + " (" + Version.provenance() + ")\n";
  }

  /** A config for {@code baseUrl}; a failed handshake is retried for 3 s, not the default 300. */
  private Path config(String baseUrl) {
    return new TempFiles(dir).write("config.json", "{\"base_url\": \"" + baseUrl + "\","
        + " \"api_key\": \"" + FakeLeverOptions.defaults().apiKey() + "\", \"start_date\": \"2000-01-01T00:00:00Z\","
        + " \"page_size\": 10, \"requests_per_second\": 500, \"burst\": 50, \"max_concurrency\": 4,"
        + " \"max_retry_seconds\": 3}");
  }

  /** --version, --discover and a sync against the fake Lever, every one checked. */
  private void versionDiscoverAndSync(FakeLever fake, List<String> how, Map<String, String> env) throws Exception {
    Run version = tap(how, env, "--version");
    assertEquals(0, version.exit(), version::toString);
    assertEquals(expectedVersionLine(), version.stdout());

    Path config = config(fake.baseUrl());
    Run discover = tap(how, env, "--config", config.toString(), "--discover");
    assertEquals(0, discover.exit(), discover::toString);
    assertEquals(37, JSON.readTree(discover.stdout()).get("streams").size(), discover::toString);

    Path catalog = new TempFiles(dir).write("catalog.json", Catalogs.selecting(STREAMS));
    Run sync = tap(how, env, "--log-level", "warn", "--config", config.toString(), "--catalog", catalog.toString());
    assertEquals(0, sync.exit(), sync::toString);
    List<JsonNode> messages = sync.messages();
    for (String stream : STREAMS) {
      long records = messages.stream().filter(m -> m.get("type").asText().equals("RECORD")
          && m.get("stream").asText().equals(stream)).count();
      assertEquals(fake.dataset().records(stream).size(), records, stream);
    }
    JsonNode last = messages.get(messages.size() - 1);
    assertEquals("STATE", last.get("type").asText());
    assertTrue(last.get("value").has("bookmarks"), last::toString);
  }

  @Test
  void theRuntimeArchiveRunsOnAHostWithoutJavaByPathAndThroughASymlinkOnPath() throws Exception {
    Path home = unpack("tap-lever-" + VERSION + "-linux-x64");
    assertTrue(Files.readString(home.resolve("runtime/release")).contains("MODULES=\"java.base java.logging"
        + " jdk.crypto.ec jdk.httpserver jdk.unsupported\""));
    Path onPath = Files.createDirectories(dir.resolve("on-path"));
    Files.createSymbolicLink(onPath.resolve("tap-lever"), home.resolve("bin/tap-lever"));

    try (FakeLever fake = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(30).withRateLimit(false))) {
      versionDiscoverAndSync(fake, List.of(home.resolve("bin/tap-lever").toString()), noJava());
      versionDiscoverAndSync(fake, byName(), noJava(onPath));
    }
  }

  @Test
  void theBundledRuntimeMapsItsAppCdsArchiveFromWhereverItIsUnpacked() throws Exception {
    Path home = unpack("tap-lever-" + VERSION + "-linux-x64");
    assertTrue(Files.isRegularFile(home.resolve("lib/tap-lever.jsa")));
    // -Xshare:on makes the JVM fail instead of running without the archive.
    Run run = tap(List.of(home.resolve("bin/tap-lever").toString()),
        with(noJava(), "JAVA_OPTS", "-Xshare:on -XX:+UseSerialGC"), "--version");
    assertEquals(0, run.exit(), run::toString);
    assertEquals(expectedVersionLine(), run.stdout());
  }

  @Test
  void thePlainArchiveRunsOnTheHostsJavaAndSaysSoInOneLineWhenThereIsNone() throws Exception {
    Path home = unpack("tap-lever-" + VERSION);
    assertFalse(Files.exists(home.resolve("runtime")));
    List<String> launcher = List.of(home.resolve("bin/tap-lever").toString());

    Run none = tap(launcher, noJava(), "--version");
    assertEquals(127, none.exit(), none::toString);
    assertEquals("", none.stdout());
    assertEquals(1, none.stderr().lines().count(), none::toString);
    assertTrue(none.stderr().startsWith("tap-lever: no Java found"), none::toString);

    // The archive's CDS archive was dumped by the JDK that built it, the one running this test.
    Map<String, String> env = with(noJava(), "JAVA_HOME", HOST_JAVA_HOME.toString());
    Run version = tap(launcher, with(env, "JAVA_OPTS", "-Xshare:on -XX:+UseSerialGC"), "--version");
    assertEquals(0, version.exit(), version::toString);
    assertEquals(expectedVersionLine(), version.stdout());
    // --discover asks Lever nothing; the config only has to be valid.
    Run discover = tap(launcher, env, "--config", config("http://127.0.0.1:9/v1").toString(), "--discover");
    assertEquals(0, discover.exit(), discover::toString);
    assertEquals(37, JSON.readTree(discover.stdout()).get("streams").size());
  }

  @Test
  void aSyncOverTlsWithAnEllipticCurveCertificateWorksFromTheBundledRuntime() throws Exception {
    Path home = unpack("tap-lever-" + VERSION + "-linux-x64");
    // The server holds only an EC key: the handshake needs ECDSA, and its key exchange ECDHE or
    // X25519, which jdk.crypto.ec provides; without that module the tap cannot connect.
    Path keystore = dir.resolve("server.p12");
    Path truststore = dir.resolve("trust.p12");
    Path cert = dir.resolve("server.crt");
    keytool("-genkeypair", "-alias", "lever", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore", keystore.toString(),
        "-storetype", "PKCS12", "-storepass", "changeit");
    keytool("-exportcert", "-alias", "lever", "-keystore", keystore.toString(), "-storepass", "changeit",
        "-file", cert.toString());
    keytool("-importcert", "-noprompt", "-alias", "lever", "-file", cert.toString(), "-keystore",
        truststore.toString(), "-storetype", "PKCS12", "-storepass", "changeit");

    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (FileInputStream in = new FileInputStream(keystore.toFile())) {
      keys.load(in, "changeit".toCharArray());
    }
    assertEquals("EC", ((X509Certificate) keys.getCertificate("lever")).getPublicKey().getAlgorithm());
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "changeit".toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);

    try (MockWebServer server = new MockWebServer()) {
      server.useHttps(tls.getSocketFactory());
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          boolean stages = request.getUrl().encodedPath().equals("/v1/stages");
          return new MockResponse.Builder().code(stages ? 200 : 404).addHeader("Content-Type", "application/json")
              .body(stages ? "{\"data\": [{\"id\": \"lead-new\", \"text\": \"New lead\"}], \"hasNext\": false}" : "{}")
              .build();
        }
      });
      server.start();
      HttpUrl base = server.url("/v1");
      assertEquals("https", base.scheme());
      Path config = config("https://localhost:" + base.port() + "/v1");
      Path catalog = new TempFiles(dir).write("catalog.json", Catalogs.selecting("stages"));

      Run sync = tap(List.of(home.resolve("bin/tap-lever").toString()), with(noJava(), "JAVA_OPTS",
          "-XX:+UseSerialGC -Djavax.net.ssl.trustStore=" + truststore + " -Djavax.net.ssl.trustStorePassword=changeit"),
          "--log-level", "warn", "--config", config.toString(), "--catalog", catalog.toString());

      assertEquals(0, sync.exit(), sync::toString);
      List<JsonNode> records = sync.messages().stream().filter(m -> m.get("type").asText().equals("RECORD")).toList();
      assertEquals(1, records.size(), sync::toString);
      assertEquals("New lead", records.get(0).at("/record/text").asText());
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      assertTrue(request.getHandshake() != null, "the request came over TLS");
      String suite = request.getHandshake().cipherSuite().javaName();
      String version = request.getHandshake().tlsVersion().javaName();
      assertTrue(version.equals("TLSv1.3") || suite.contains("_ECDHE_ECDSA_"), version + " " + suite);
    }
  }

  private static void keytool(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(HOST_JAVA_HOME.resolve("bin/keytool").toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), String.join(" ", command));
  }

  @Test
  void sigtermLoginAndDemoWorkFromTheBundledRuntime() throws Exception {
    Path home = unpack("tap-lever-" + VERSION + "-linux-x64");
    String launcher = home.resolve("bin/tap-lever").toString();
    Map<String, String> env = noJava();
    try (FakeLever fake = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(100).withRateLimit(false)
        .withLatencyMs(20))) {
      sigtermAndLogin(fake, launcher, env);
    }

    // demo and fake-server run the fake Lever from the same jar (jdk.httpserver again).
    Run demo = tap(List.of(launcher), env, "demo", "--opportunities", "5", "--log-level", "warn");
    assertEquals(0, demo.exit(), demo::toString);
    assertTrue(demo.messages().stream().anyMatch(m -> m.get("type").asText().equals("RECORD")), demo::toString);
  }

  private void sigtermAndLogin(FakeLever fake, String launcher, Map<String, String> env) throws Exception {

    // SIGTERM (sun.misc.Signal, in jdk.unsupported): the launcher exec's the JVM, so its pid is the JVM's.
    Path catalog = new TempFiles(dir).write("catalog.json", Catalogs.selecting(STREAMS));
    Process sync = process(List.of(launcher, "--log-level", "warn", "--config", config(fake.baseUrl()).toString(),
        "--catalog", catalog.toString()), env).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    List<JsonNode> lines = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(sync.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        JsonNode m = JSON.readTree(line);
        lines.add(m);
        if (m.get("type").asText().equals("RECORD") && lines.stream().filter(x -> x.get("type").asText()
            .equals("RECORD")).count() == 1) {
          assertTrue(sync.toHandle().destroy(), "SIGTERM sent");
        }
      }
    }
    assertTrue(sync.waitFor(30, TimeUnit.SECONDS));
    assertEquals(143, sync.exitValue());
    assertEquals("STATE", lines.get(lines.size() - 1).get("type").asText());

    // login: the OAuth callback server (jdk.httpserver); java.awt.Desktop is not in the runtime, so
    // opening a browser is skipped and the URL printed, as on a server.
    Path oauth = new TempFiles(dir).write("oauth.json", "{\"client_id\": \"fake-client-id\","
        + " \"client_secret\": \"fake-client-secret\", \"base_url\": \"" + fake.baseUrl() + "\","
        + " \"authorize_url\": \"" + fake.authorizeUrl() + "\", \"token_url\": \"" + fake.tokenUrl() + "\","
        + " \"start_date\": \"2020-01-01T00:00:00Z\"}");
    Path loginErr = dir.resolve("login-stderr.txt");
    Process login = process(List.of(launcher, "login", "--config", oauth.toString(), "--port", "0"), env)
        .redirectError(loginErr.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    HttpUrl authorize = awaitLine(loginErr, fake.authorizeUrl() + "?", login);
    OkHttpClient browser = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
    try (Response r = browser.newCall(new Request.Builder().url(authorize).build()).execute()) {
      assertEquals(200, r.code());
      assertTrue(r.body().string().contains("tap-lever is authorized"));
    }
    assertTrue(login.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, login.exitValue(), () -> read(loginErr));
    assertEquals(fake.currentRefreshToken(), JSON.readTree(oauth.toFile()).path("refresh_token").asText());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** The first line of {@code file} that starts with {@code prefix}, as a URL, waiting for it. */
  private static HttpUrl awaitLine(Path file, String prefix, Process writer) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (String line : read(file).split("\\R")) {
        if (line.startsWith(prefix)) {
          return HttpUrl.get(line.trim());
        }
      }
      if (!writer.isAlive()) {
        break;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no line starting with " + prefix + ":\n" + read(file));
  }
}
