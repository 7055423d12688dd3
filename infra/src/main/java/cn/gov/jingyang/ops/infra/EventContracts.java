package cn.gov.jingyang.ops.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event contracts in the repository's {@code contracts/} folder: the CloudEvents envelope
 * schema and, per event type {@code cn.gov.jingyang.<service>.<Name>}, the schema of its data in
 * {@code contracts/events/<service>/<Name>.schema.json} with an example beside it. Producers' tests
 * validate what they emit; consumers' tests feed the examples.
 */
public final class EventContracts {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<Path, Schema> SCHEMAS = new ConcurrentHashMap<>();
  private static final String TYPE_PREFIX = "cn.gov.jingyang.";

  private EventContracts() {}

  /** The {@code contracts/} folder, found by walking up from the working directory. */
  public static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("contracts/cloudevent.schema.json"))) {
        return dir.resolve("contracts");
      }
    }
    throw new IllegalStateException("no contracts/ folder above " + Path.of("").toAbsolutePath());
  }

  /**
   * Fails, listing every violation, unless the event matches the envelope and its type's data
   * schema.
   */
  public static void assertValid(String eventJson) {
    List<String> problems =
        new ArrayList<>(violations(root().resolve("cloudevent.schema.json"), eventJson));
    JsonNode event = read(eventJson);
    String type = event.path("type").asText();
    if (!type.startsWith(TYPE_PREFIX) || type.split("\\.").length != 5) {
      problems.add("type '" + type + "' is not cn.gov.jingyang.<service>.<Event>");
    } else {
      Path schema = dataSchema(type);
      if (!Files.exists(schema)) {
        problems.add(
            "no contract for " + type + ": expected " + root().getParent().relativize(schema));
      } else {
        problems.addAll(violations(schema, event.path("data").toString()));
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "event violates its contract:\n  " + String.join("\n  ", problems) + "\n" + eventJson);
    }
  }

  /** The example event of a type, as the producing service documents it. */
  public static String example(String service, String eventName) {
    Path file = root().resolve("events").resolve(service).resolve(eventName + ".example.json");
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("no example " + file, e);
    }
  }

  static Path dataSchema(String type) {
    String[] parts = type.split("\\.");
    return root().resolve("events").resolve(parts[3]).resolve(parts[4] + ".schema.json");
  }

  private static List<String> violations(Path schemaFile, String json) {
    Schema schema =
        SCHEMAS.computeIfAbsent(
            schemaFile,
            f -> {
              try {
                return REGISTRY.getSchema(Files.readString(f), InputFormat.JSON);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return schema.validate(json, InputFormat.JSON).stream()
        .map(Error::toString)
        .map(m -> schemaFile.getFileName() + ": " + m)
        .toList();
  }

  private static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
