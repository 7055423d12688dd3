package cn.gov.jingyang.ops.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which of the modules {@code ./stackctl up} runs are older than their sources: a service's {@code
 * quarkus-run.jar} is stale when a file under its {@code src/main} or its {@code pom.xml}, or those
 * of a module it is built from ({@code platform/}), or the parent {@code pom.xml}, is newer; the
 * launcher's classpath likewise against {@code stack/}, {@code infra/} and {@code kafka-broker/}. A
 * missing output is stale. Test sources do not count: they are not in the jar.
 *
 * <p>{@code ./stackctl} runs this file with the JDK's source launcher before anything is built
 * ({@code java StaleBuilds.java ROOT} prints the stale modules, comma-separated, for {@code ./mvnw
 * -pl ... -am package}), so it uses nothing but the JDK.
 */
public final class StaleBuilds {

  /** A module whose {@code output} must be newer than every source of {@code builtFrom}. */
  public record Module(String name, String output, List<String> builtFrom) {}

  public static final List<Module> LAUNCHED =
      List.of(
          service("gateway"),
          service("checkpoint-service"),
          service("case-service"),
          service("personnel-service"),
          new Module(
              "stack", "target/launcher.classpath", List.of("stack", "infra", "kafka-broker")));

  private StaleBuilds() {}

  private static Module service(String name) {
    return new Module(name, "target/quarkus-app/quarkus-run.jar", List.of(name, "platform"));
  }

  /** The modules of {@code modules} whose output under {@code root} is missing or stale. */
  public static List<String> stale(Path root, List<Module> modules) {
    return modules.stream().filter(m -> isStale(root, m)).map(Module::name).toList();
  }

  static boolean isStale(Path root, Module module) {
    Path output = root.resolve(module.name()).resolve(module.output());
    if (!Files.isRegularFile(output)) {
      return true;
    }
    FileTime built = modified(output);
    Stream<Path> sources =
        Stream.concat(
            Stream.of(root.resolve("pom.xml")),
            module.builtFrom().stream()
                .flatMap(m -> Stream.of(root.resolve(m).resolve("pom.xml"), root.resolve(m))));
    return sources
        .map(StaleBuilds::newestSource)
        .flatMap(Optional::stream)
        .anyMatch(t -> t.compareTo(built) > 0);
  }

  /** The newest modification time of a file, or of anything under a module's {@code src/main}. */
  private static Optional<FileTime> newestSource(Path fileOrModule) {
    if (Files.isRegularFile(fileOrModule)) {
      return Optional.of(modified(fileOrModule));
    }
    Path main = fileOrModule.resolve("src/main");
    if (!Files.isDirectory(main)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.walk(main)) {
      // directories too: deleting or renaming a source file changes only its directory
      return files.map(StaleBuilds::modified).max(FileTime::compareTo);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void main(String[] args) {
    Path root = Path.of(args.length == 0 ? "." : args[0]);
    System.out.println(String.join(",", stale(root, LAUNCHED)));
  }
}
