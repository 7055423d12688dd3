package cn.gov.jingyang.ops.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./stackctl up} rebuilds after a pull: real files in a temporary repository, with set
 * modification times (a jar built at noon, sources changed before or after).
 */
class StaleBuildsTest {

  private static final Instant BUILT = Instant.parse("2026-11-29T12:00:00Z");
  private static final Instant BEFORE = BUILT.minusSeconds(3600);
  private static final Instant AFTER = BUILT.plusSeconds(60);

  @TempDir Path root;

  @BeforeEach
  void aRepositoryBuiltAtNoon() throws IOException {
    write("pom.xml", BEFORE);
    for (String m : List.of("platform", "gateway", "case-service", "stack", "infra")) {
      write(m + "/pom.xml", BEFORE);
      write(m + "/src/main/java/Some.java", BEFORE);
      write(m + "/src/test/java/SomeTest.java", BEFORE);
    }
    write("gateway/target/quarkus-app/quarkus-run.jar", BUILT);
    write("case-service/target/quarkus-app/quarkus-run.jar", BUILT);
    write("stack/target/launcher.classpath", BUILT);
    try (Stream<Path> all = Files.walk(root)) {
      for (Path directory : all.filter(Files::isDirectory).toList()) {
        Files.setLastModifiedTime(directory, time(BEFORE)); // created just now
      }
    }
  }

  @Test
  void nothingIsRebuiltWhenEveryJarIsNewerThanItsSources() {
    assertThat(stale()).isEmpty();
  }

  @Test
  void aServiceWhoseSourceChangedAfterItsJarIsRebuiltAlone() throws IOException {
    write("case-service/src/main/java/Some.java", AFTER);

    assertThat(stale()).containsExactly("case-service");
  }

  @Test
  void aChangedPomOfTheServiceCounts() throws IOException {
    write("gateway/pom.xml", AFTER);

    assertThat(stale()).containsExactly("gateway");
  }

  @Test
  void aChangeInPlatformMakesEveryServiceStaleButNotTheLauncher() throws IOException {
    write("platform/src/main/resources/application.properties", AFTER);

    assertThat(stale()).containsExactly("gateway", "case-service");
  }

  @Test
  void theParentPomMakesEverythingStale() throws IOException {
    write("pom.xml", AFTER);

    assertThat(stale()).containsExactly("gateway", "case-service", "stack");
  }

  @Test
  void aDeletedSourceFileCountsThroughItsDirectory() throws IOException {
    Files.delete(root.resolve("case-service/src/main/java/Some.java"));
    Files.setLastModifiedTime(root.resolve("case-service/src/main/java"), time(AFTER));

    assertThat(stale()).containsExactly("case-service");
  }

  @Test
  void aChangedTestSourceDoesNotRebuild() throws IOException {
    write("case-service/src/test/java/SomeTest.java", AFTER);

    assertThat(stale()).isEmpty();
  }

  @Test
  void theLauncherIsRebuiltWhenInfraChanged() throws IOException {
    write("infra/src/main/java/Some.java", AFTER);

    assertThat(stale()).containsExactly("stack");
  }

  @Test
  void aMissingJarIsStale() throws IOException {
    Files.delete(root.resolve("gateway/target/quarkus-app/quarkus-run.jar"));

    assertThat(stale()).containsExactly("gateway");
  }

  @Test
  void aSourceOlderThanTheJarAfterAPullOfOldFilesIsNotStale() throws IOException {
    write("gateway/src/main/java/Other.java", BUILT.minusSeconds(1));
    Files.setLastModifiedTime(root.resolve("gateway/src/main/java"), time(BEFORE));

    assertThat(stale()).isEmpty();
  }

  private List<String> stale() {
    List<StaleBuilds.Module> modules =
        StaleBuilds.LAUNCHED.stream().filter(m -> Files.exists(root.resolve(m.name()))).toList();
    return StaleBuilds.stale(root, modules);
  }

  private void write(String path, Instant modified) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, path);
    Files.setLastModifiedTime(file, time(modified));
  }

  private static FileTime time(Instant instant) {
    return FileTime.from(instant);
  }
}
