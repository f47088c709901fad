package taplever;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import taplever.streams.LeverStreams;

/**
 * Keeps the dependency direction of the design: cli → sync → the rest → error; the fake Lever
 * (src/fake/java) alone, which the compiler enforces and {@link
 * #theCompilerRefusesTheFakeAnyOfTheTapsCode} proves.
 */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/taplever");
  private static final Path FAKE_SOURCES = Path.of("src/fake/java");
  /** What the build's compile of the fake writes (pom.xml, the compiler's "fake" execution). */
  private static final Path FAKE_CLASSES = Path.of("target/fake-classes");
  private static final Path TAP_CLASSES = Path.of("target/classes");
  /** The tap's only users of the fake Lever: the commands that run it. */
  private static final Set<String> FAKE_USERS =
      Set.of("cli/DemoCommand.java", "cli/FakeServerCommand.java");
  private static final Set<String> TAP = Set.of("cli", "cli.check", "cli.login", "sync",
      "sync.plan", "sync.read", "sync.records", "sync.out", "catalog", "streams", "http",
      "http.oauth", "singer", "config", "runtime", "error");
  /**
   * The design's edges, package by package (a package always uses itself). Data flows one way:
   * cli → sync → its parts → catalog, streams, http, singer, config → runtime, error. Inside the
   * engine, reading (sync.read) drives planning, record shaping and output; record shaping
   * (sync.records) never sees HTTP, and planning sees neither HTTP nor records.
   */
  private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("cli", union(TAP, Set.of("fake"))),
      Map.entry("cli.check", Set.of("cli", "cli.login", "sync.read", "catalog", "streams", "http",
          "singer", "config", "runtime", "error")),
      Map.entry("cli.login", Set.of("cli", "catalog", "streams", "http.oauth", "config",
          "runtime", "error")),
      Map.entry("sync", Set.of("sync.plan", "sync.read", "sync.records", "sync.out", "catalog",
          "streams", "http", "singer", "config", "runtime", "error")),
      Map.entry("sync.plan", Set.of("catalog", "streams", "singer", "error")),
      Map.entry("sync.read", Set.of("sync.plan", "sync.records", "sync.out", "catalog",
          "streams", "http", "singer", "runtime", "error")),
      Map.entry("sync.records", Set.of("catalog", "streams", "singer", "config", "error")),
      // HttpObserver: the METRIC lines are fed by the HTTP layer's events.
      Map.entry("sync.out", Set.of("sync.records", "streams", "http", "singer", "runtime",
          "error")),
      Map.entry("catalog", Set.of("streams", "error")),
      Map.entry("streams", Set.of("error")),
      // Only LeverHttp, which assembles the client, reaches into http.oauth (see below).
      Map.entry("http", Set.of("http.oauth", "config", "runtime", "error")),
      Map.entry("http.oauth", Set.of("http", "config", "runtime", "error")),
      Map.entry("singer", Set.of("error")),
      Map.entry("config", Set.of("error")),
      Map.entry("runtime", Set.of("error")),
      Map.entry("error", Set.of()));

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  /** An import or a fully qualified name: {@code taplever.sync.X} written inline counts too. */
  private static final Pattern REFERENCE =
      Pattern.compile("(?<![\\w.])taplever\\.((?:[a-z]\\w*\\.)*[a-z]\\w*)\\.[A-Z]");
  private static final Pattern PACKAGE = Pattern.compile("^package [\\w.]+;", Pattern.MULTILINE);

  @Test
  void packagesImportOnlyWhatTheDesignAllows() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      String pkg = packageOf(file);
      assertTrue(ALLOWED.containsKey(pkg), pkg + " is in no row of the design");
      Matcher m = REFERENCE.matcher(code(file));
      while (m.find()) {
        String target = m.group(1);
        if (!target.equals(pkg) && !ALLOWED.getOrDefault(pkg, Set.of()).contains(target)) {
          violations.add(MAIN.relativize(file) + " imports taplever." + target);
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  /** The fake is test and demo equipment: the tap runs it for {@code demo}, {@code fake-server}. */
  @Test
  void onlyTheDemoAndTheFakeServerCommandsUseTheFake() throws IOException {
    List<String> users = new ArrayList<>();
    for (Path file : sources()) {
      Matcher m = REFERENCE.matcher(code(file));
      while (m.find()) {
        if (m.group(1).equals("fake")) {
          users.add(MAIN.relativize(file).toString());
          break;
        }
      }
    }
    assertEquals(FAKE_USERS, Set.copyOf(users));
  }

  @Test
  void theReferenceRuleReadsImportsAndFullyQualifiedNames() {
    String code = "package taplever.cli;\nimport taplever.sync.SyncEngine;\n"
        + "class X { taplever.fake.FakeLever f = new taplever.fake.FakeLever(null); }\n";
    List<String> found = new ArrayList<>();
    Matcher m = REFERENCE.matcher(PACKAGE.matcher(code).replaceFirst(""));
    while (m.find()) {
      found.add(m.group(1));
    }
    assertEquals(List.of("sync", "fake", "fake"), found);
  }

  /**
   * The build compiles the fake as the named module {@code taplever.fake} (its module-info.java),
   * into its own directory, with the tap's classes on the class path (target/classes always is,
   * with the tap's classes in it when the build runs without clean).
   */
  @Test
  void theBuildCompilesTheFakeAsANamedModuleThatRequiresNoneOfTheTap() throws IOException {
    ModuleDescriptor fake;
    try (InputStream in = Files.newInputStream(FAKE_CLASSES.resolve("module-info.class"))) {
      fake = ModuleDescriptor.read(in);
    }
    assertEquals("taplever.fake", fake.name());
    assertEquals(Set.of("java.base", "com.fasterxml.jackson.databind",
            "com.fasterxml.jackson.core", "jdk.httpserver"),
        fake.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()));
    assertEquals(Set.of("taplever.fake"), fake.packages());
    assertTrue(Files.exists(FAKE_CLASSES.resolve("taplever/fake/FakeLever.class")));
    assertFalse(Files.exists(TAP_CLASSES.resolve("module-info.class")),
        "the fake's descriptor stays out of the tap's classes and the jar");
  }

  /**
   * Compiles as the build compiles the fake (its module-info.java; Jackson on the module path; the
   * tap's classes on the class path) a file of the fake that uses the tap: the compiler refuses it,
   * though the tap's class is right there, as the control compile that uses only what the fake
   * requires shows. If the fake lost its module descriptor, or the descriptor read the tap, the
   * second and third compiles would succeed and this test would fail.
   */
  @Test
  void theCompilerRefusesTheFakeAnyOfTheTapsCode(@TempDir Path dir) throws IOException {
    assertTrue(Files.exists(TAP_CLASSES.resolve("taplever/config/Secret.class")));
    assertEquals(List.of(), compileInTheFake(dir.resolve("control"), "import java.util.Map;",
        "com.fasterxml.jackson.databind.ObjectMapper mapper;"
            + " com.sun.net.httpserver.HttpServer server; Map<String, String> map;"));

    List<String> imported = compileInTheFake(dir.resolve("import"),
        "import taplever.config.Secret;", "Secret secret;");
    assertTrue(imported.stream()
        .anyMatch(e -> e.contains("package taplever.config is not visible")), imported::toString);

    List<String> inline = compileInTheFake(dir.resolve("inline"), "",
        "taplever.sync.SyncEngine engine;");
    assertTrue(inline.stream().anyMatch(e -> e.contains("package taplever.sync is not visible")),
        inline::toString);
  }

  /** The errors of compiling the fake's module descriptor and one class of the fake. */
  private static List<String> compileInTheFake(Path dir, String imports, String body)
      throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/taplever/fake"));
    Path descriptor = Files.copy(FAKE_SOURCES.resolve("module-info.java"),
        dir.resolve("src/module-info.java"));
    Path probe = Files.writeString(src.resolve("Probe.java"),
        "package taplever.fake;\n" + imports + "\nclass Probe { " + body + " }\n");
    String modulePath = Stream.of(ObjectMapper.class, JsonGenerator.class, JsonProperty.class)
        .map(ArchitectureTest::jarOf)
        .collect(Collectors.joining(File.pathSeparator));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      javac.getTask(null, files, diagnostics,
              List.of("--release", "17", "-d", dir.resolve("out").toString(),
                  "--module-path", modulePath, "-classpath", TAP_CLASSES.toString()),
              null, files.getJavaFileObjects(descriptor, probe))
          .call();
    }
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(Locale.ROOT))
        .toList();
  }

  private static String jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One read path: a request to Lever is built from a declaration in one place (the engine's
   * ReadRequest), never assembled by hand in a walker, a reader or {@code check}.
   */
  @Test
  void onlyTheReadPathBuildsRequestsToLever() throws IOException {
    List<String> builders = new ArrayList<>();
    for (Path file : sources()) {
      String name = MAIN.relativize(file).toString();
      if (Files.readString(file).contains("new LeverRequest(")
          && !name.equals("sync/read/ReadRequest.java") && !name.equals("http/LeverRequest.java")) {
        builders.add(name);
      }
    }
    assertEquals(List.of(), builders);
  }

  /**
   * What a stream is (a list, a child read per parent or inline, rows of an array) is asked of
   * the declaration through its typed accessors; no code outside the declarations tests or casts
   * their sealed types, so a new kind cannot be half-handled somewhere.
   */
  @Test
  void nothingOutsideTheDeclarationsCastsOrTestsTheirSealedTypes() throws IOException {
    Pattern cast = Pattern.compile("\\((?:Replication|Cursor)\\.[A-Z][\\w.]*\\)\\s*[\\w(]"
        + "|instanceof\\s+(?:taplever\\.streams\\.)?(?:Replication|Cursor)\\.");
    List<String> casts = new ArrayList<>();
    for (Path file : sources()) {
      String name = MAIN.relativize(file).toString();
      Matcher m = cast.matcher(Files.readString(file));
      while (!name.startsWith("streams/") && m.find()) {
        casts.add(name + ": " + m.group());
      }
    }
    assertEquals(List.of(), casts);
  }

  @Test
  void theEngineNeverNamesAStream() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      if (!MAIN.relativize(file).getName(0).toString().equals("sync")) {
        continue;
      }
      String code = Files.readString(file);
      for (String stream : LeverStreams.BY_NAME.keySet()) {
        if (code.contains("\"" + stream + "\"")) {
          violations.add(file.getFileName() + " names " + stream);
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  /**
   * Lever's field and parameter names are facts about Lever: they live on the stream
   * declarations (streams), so the engine and the CLI read them from there and a newcomer finds
   * them in one place.
   */
  @Test
  void leversFieldAndParameterNamesLiveOnTheDeclarationsNotInTheEngineOrTheCli()
      throws IOException {
    List<String> facts = List.of("confidentiality", "createdAt", "updatedAt", "id", "expand",
        "archived", "include", "includeDeactivated", "date", "value", "identifier", "subfields");
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      String pkg = MAIN.relativize(file).getName(0).toString();
      if (!pkg.equals("sync") && !pkg.equals("cli") && !pkg.equals("catalog")) {
        continue;
      }
      String code = Files.readString(file);
      for (String fact : facts) {
        if (code.contains("\"" + fact + "\"")) {
          violations.add(MAIN.relativize(file) + " names \"" + fact + "\"");
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void onlyTheWriterAndTheFakesPrinterTouchStdout() throws IOException {
    List<String> users = new ArrayList<>();
    for (Path file : sources()) {
      if (Files.readString(file).matches("(?s).*System\\.out\\.(print|write).*")) {
        users.add(MAIN.relativize(file).toString());
      }
    }
    assertEquals(List.of(), users, "Singer messages go through SingerWriter only");
  }

  /** A source file without its package declaration (which names its own package). */
  private static String code(Path file) throws IOException {
    return PACKAGE.matcher(Files.readString(file)).replaceFirst("");
  }

  /** The file's package under taplever, dotted: {@code sync.read}. */
  private static String packageOf(Path file) {
    return MAIN.relativize(file.getParent()).toString().replace('/', '.');
  }

  @Test
  void recordShapingNeverSeesHttpAndPlanningNeverSeesRecordsOrHttp() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      String pkg = packageOf(file);
      Matcher m = REFERENCE.matcher(code(file));
      while ((pkg.equals("sync.records") || pkg.equals("sync.plan")) && m.find()) {
        String target = m.group(1);
        if (target.startsWith("http") || target.equals("sync.read")
            || (pkg.equals("sync.plan") && target.equals("sync.records"))) {
          violations.add(MAIN.relativize(file) + " uses taplever." + target);
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void onlyTheClientsAssemblyReachesIntoOAuth() throws IOException {
    List<String> users = new ArrayList<>();
    for (Path file : sources()) {
      if (packageOf(file).equals("http") && code(file).contains("taplever.http.oauth.")) {
        users.add(MAIN.relativize(file).toString());
      }
    }
    assertEquals(List.of("http/LeverHttp.java"), users);
  }

  @Test
  void noPackageKeepsMoreThan25FilesDirectly() throws IOException {
    Map<String, Long> files = new java.util.TreeMap<>();
    for (Path file : sources()) {
      files.merge(packageOf(file), 1L, Long::sum);
    }
    files.values().removeIf(n -> n <= 25);
    assertEquals(Map.of(), files, "split by concern, as sync and cli are");
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }
}
