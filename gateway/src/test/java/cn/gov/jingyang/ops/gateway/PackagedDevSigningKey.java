package cn.gov.jingyang.ops.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The development signing key for the packaged gateway: in the test profile the gateway reads it
 * from the classpath of the {@code infra} test dependency, which the packaged jar does not hold, so
 * the key is written to a file under {@code target} and its location handed to the jar.
 */
public class PackagedDevSigningKey implements QuarkusTestResourceLifecycleManager {

  private static final String RESOURCE = "cn/gov/jingyang/ops/infra/dev-private-key.pem";

  @Override
  public Map<String, String> start() {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no " + RESOURCE + " on the test classpath");
      }
      Path key = Path.of("target", "it-dev-private-key.pem").toAbsolutePath();
      Files.createDirectories(key.getParent());
      Files.write(key, in.readAllBytes());
      return Map.of("ops.gateway.signing.private-key-location", key.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void stop() {
    // the file stays with the build output
  }
}
