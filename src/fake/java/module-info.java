/**
 * The fake Lever, compiled on its own (see pom.xml, "The fake Lever"). As a named module it reads
 * only the modules it requires; the tap's classes are on the class path, in the unnamed module,
 * which no named module reads. So an import of the tap's code here fails to compile, after a clean
 * or not. The module descriptor only serves that compile: the jar runs the fake from the class path.
 */
module taplever.fake {
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.core;
  requires jdk.httpserver;

  exports taplever.fake;
}
