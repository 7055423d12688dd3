package cn.gov.jingyang.ops.testing.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Valid values derived from the schemas (examples, enums, formats, limits), so that a request with
 * one field mutated is otherwise valid and reaches the service's deepest validation. Ids of things
 * that exist are preferred where the harness knows some (e.g. {@code checkpointId}).
 */
public final class BaselineValues {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private final ApiDocument document;
  private final Function<String, String> knownIds;

  /**
   * @param knownIds an existing id for a field or parameter name ("checkpointId", "id"), or null
   */
  public BaselineValues(ApiDocument document, Function<String, String> knownIds) {
    this.document = document;
    this.knownIds = knownIds;
  }

  public JsonNode value(JsonNode schema, String name) {
    return value(document.resolve(schema), name, 0);
  }

  /** The value as it goes into a path, query string or header. */
  public String text(JsonNode schema, String name) {
    JsonNode v = value(schema, name);
    return v.isTextual() ? v.asText() : v.toString();
  }

  private JsonNode value(JsonNode schema, String name, int depth) {
    if (schema == null || depth > 6) {
      return JSON.textNode("x");
    }
    String format = schema.path("format").asText("");
    if ("uuid".equals(format) || isUuidPattern(schema)) {
      String known = name == null ? null : knownIds.apply(name);
      return JSON.textNode(
          known != null
              ? known
              : UUID.nameUUIDFromBytes(String.valueOf(name).getBytes()).toString());
    }
    JsonNode example = example(schema);
    if (example != null) {
      return example;
    }
    if (schema.has("default") && !schema.get("default").isNull()) {
      return schema.get("default");
    }
    if (schema.path("enum").size() > 0) {
      return schema.get("enum").get(0);
    }
    switch (schema.path("type").asText(schema.has("properties") ? "object" : "string")) {
      case "object":
        return object(schema, depth);
      case "array":
        ArrayNode array = JSON.arrayNode();
        int items = Math.max(1, schema.path("minItems").asInt(1));
        for (int i = 0; i < items; i++) {
          array.add(value(document.resolve(schema.path("items")), singular(name), depth + 1));
        }
        return array;
      case "integer":
        return JSON.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
      case "number":
        double min = schema.path("minimum").asDouble(0);
        double max = schema.path("maximum").asDouble(min + 2);
        return JSON.numberNode((min + max) / 2);
      case "boolean":
        return JSON.booleanNode(false);
      default:
        return JSON.textNode(string(format));
    }
  }

  private ObjectNode object(JsonNode schema, int depth) {
    ObjectNode object = JSON.objectNode();
    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
    while (properties.hasNext()) {
      Map.Entry<String, JsonNode> p = properties.next();
      object.set(p.getKey(), value(document.resolve(p.getValue()), p.getKey(), depth + 1));
    }
    return object;
  }

  private static JsonNode example(JsonNode schema) {
    if (schema.path("examples").isArray() && schema.get("examples").size() > 0) {
      return schema.get("examples").get(0);
    }
    return schema.has("example") ? schema.get("example") : null;
  }

  private static boolean isUuidPattern(JsonNode schema) {
    return schema.path("pattern").asText("").startsWith("[a-fA-F0-9]{8}");
  }

  private static String string(String format) {
    return switch (format) {
      case "date" -> "2020-02-03";
      case "date-time" -> "2020-02-03T08:00:00+08:00";
      case "int32", "int64" -> "1";
      default -> "valid";
    };
  }

  private static String singular(String name) {
    if (name == null) {
      return null;
    }
    return name.endsWith("Ids") ? name.substring(0, name.length() - 1) : name;
  }
}
