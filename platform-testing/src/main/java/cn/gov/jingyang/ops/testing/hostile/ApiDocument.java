package cn.gov.jingyang.ops.testing.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A service's live OpenAPI document, read as the list of its operations with resolved schemas. */
public final class ApiDocument {

  private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
  private final JsonNode document;

  public ApiDocument(JsonNode document) {
    this.document = document;
  }

  public List<Operation> operations() {
    List<Operation> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
      while (ops.hasNext()) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (METHODS.contains(op.getKey())) {
          out.add(
              operation(op.getKey().toUpperCase(), path.getKey(), path.getValue(), op.getValue()));
        }
      }
    }
    return out;
  }

  private Operation operation(String method, String path, JsonNode pathItem, JsonNode op) {
    List<Operation.Param> params = new ArrayList<>();
    for (JsonNode list : List.of(pathItem.path("parameters"), op.path("parameters"))) {
      for (JsonNode p : list) {
        JsonNode schema = resolve(p.path("schema"));
        params.add(
            new Operation.Param(
                p.path("name").asText(),
                p.path("in").asText(),
                schema,
                p.path("required").asBoolean(false) || "path".equals(p.path("in").asText())));
      }
    }
    JsonNode content = op.path("requestBody").path("content");
    JsonNode body = null;
    if (content.size() > 0) {
      JsonNode json =
          content.has("application/json")
              ? content.get("application/json")
              : content.elements().next();
      body = resolve(json.path("schema"));
    }
    List<String> roles = new ArrayList<>();
    for (JsonNode requirement : op.path("security")) {
      requirement.elements().forEachRemaining(scopes -> scopes.forEach(s -> roles.add(s.asText())));
    }
    return new Operation(method, path, List.copyOf(params), body, List.copyOf(roles));
  }

  /**
   * The schema with {@code $ref} and {@code allOf} folded in; a sibling of {@code $ref} (examples,
   * limits) wins over what the reference says.
   */
  public JsonNode resolve(JsonNode schema) {
    if (schema == null || !schema.isObject()) {
      return schema;
    }
    ObjectNode merged = schema.deepCopy();
    if (schema.has("$ref")) {
      merged.remove("$ref");
      JsonNode target = resolve(lookup(schema.get("$ref").asText()));
      if (target != null && target.isObject()) {
        ObjectNode base = target.deepCopy();
        base.setAll(merged);
        merged = base;
      }
    }
    if (merged.has("allOf")) {
      JsonNode parts = merged.remove("allOf");
      for (JsonNode part : parts) {
        JsonNode resolved = resolve(part);
        if (resolved != null && resolved.isObject()) {
          ObjectNode base = resolved.deepCopy();
          base.setAll(merged);
          merged = base;
        }
      }
    }
    return merged;
  }

  private JsonNode lookup(String ref) {
    if (!ref.startsWith("#/")) {
      return null;
    }
    JsonNode node = document;
    for (String part : ref.substring(2).split("/")) {
      node = node.path(part.replace("~1", "/").replace("~0", "~"));
    }
    return node.isMissingNode() ? null : node;
  }
}
