package cn.gov.jingyang.ops.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges OpenAPI documents (as JSON trees) into one: each part's public paths under its prefix, its
 * operation ids and tags told apart by the part's name, its components added — a component another
 * part already defines differently is renamed ({@code Page} of case-service becomes {@code
 * CasePage}) and every {@code $ref} of that part follows. Components nothing refers to are left
 * out. The input trees are copied, never changed.
 */
final class DocumentMerge {

  /** One document to merge: {@code name} is the route (null for the gateway's own document). */
  record Part(String name, String prefix, JsonNode document, List<String> hiddenPaths) {}

  private static final String SCHEMES_REF = "#/components/securitySchemes/";

  private final Map<String, JsonNode> paths = new TreeMap<>();
  private final Map<String, Map<String, JsonNode>> components = new TreeMap<>();
  private final Map<String, JsonNode> tags = new TreeMap<>();

  void add(Part part) {
    JsonNode document = part.document().deepCopy();
    Map<String, String> renames = renames(part.name(), document.path("components"));
    if (!renames.isEmpty()) {
      rewriteRefs(document, renames);
    }
    document
        .path("components")
        .properties()
        .forEach(
            section -> {
              if (section.getKey().equals("securitySchemes")) {
                return; // the gateway declares the schemes of the merged document itself
              }
              Map<String, JsonNode> merged =
                  components.computeIfAbsent(section.getKey(), k -> new TreeMap<>());
              section
                  .getValue()
                  .properties()
                  .forEach(
                      c -> {
                        String key = section.getKey() + "/" + c.getKey();
                        merged.putIfAbsent(renames.getOrDefault(key, c.getKey()), c.getValue());
                      });
            });
    String tagPrefix = part.name() == null ? "" : part.name() + " / ";
    for (JsonNode tag : document.path("tags")) {
      ObjectNode renamed = ((ObjectNode) tag).deepCopy();
      renamed.put("name", tagPrefix + tag.path("name").asText());
      tags.putIfAbsent(renamed.get("name").asText(), renamed);
    }
    document
        .path("paths")
        .properties()
        .forEach(
            path -> {
              if (hidden(path.getKey(), part.hiddenPaths())) {
                return;
              }
              ObjectNode item = (ObjectNode) path.getValue();
              item.properties()
                  .forEach(
                      op -> {
                        if (op.getValue() instanceof ObjectNode operation) {
                          rename(operation, part.name(), tagPrefix);
                        }
                      });
              String merged = part.prefix() + (path.getKey().equals("/") ? "" : path.getKey());
              paths.put(merged.isEmpty() ? "/" : merged, item);
            });
  }

  /** The merged paths, components and tags into {@code target} (which has info etc. already). */
  void writeTo(ObjectNode target) {
    ObjectNode pathsNode = target.putObject("paths");
    paths.forEach(pathsNode::set);
    ObjectNode componentsNode = target.putObject("components");
    components.forEach(
        (section, entries) -> {
          ObjectNode sectionNode = componentsNode.putObject(section);
          entries.forEach(sectionNode::set);
        });
    Set<String> used = new HashSet<>();
    paths
        .values()
        .forEach(item -> item.forEach(op -> op.path("tags").forEach(t -> used.add(t.asText()))));
    ArrayNode tagsNode = target.putArray("tags");
    tags.values().stream()
        .filter(t -> used.contains(t.path("name").asText()))
        .forEach(tagsNode::add);
  }

  /** Leaves out every component no path, and no component they use, refers to. */
  static void prune(ObjectNode document) {
    ObjectNode components = (ObjectNode) document.path("components");
    Set<String> used = new HashSet<>();
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.add(document.path("paths"));
    while (!todo.isEmpty()) {
      for (String ref : refs(todo.pop())) {
        if (ref.startsWith("#/components/") && !ref.startsWith(SCHEMES_REF) && used.add(ref)) {
          String[] parts = ref.substring("#/components/".length()).split("/", 2);
          todo.add(components.path(parts[0]).path(parts[1]));
        }
      }
    }
    components
        .properties()
        .forEach(
            section -> {
              if (section.getKey().equals("securitySchemes")) {
                return;
              }
              Iterator<String> names = section.getValue().fieldNames();
              while (names.hasNext()) {
                if (!used.contains("#/components/" + section.getKey() + "/" + names.next())) {
                  names.remove();
                }
              }
            });
  }

  /**
   * The components of this part to rename: those another part defines differently, and then those
   * that differ only once their references follow a rename (until nothing more changes).
   */
  private Map<String, String> renames(String name, JsonNode own) {
    Map<String, String> renames = new HashMap<>();
    while (true) {
      JsonNode rewritten = own.deepCopy();
      rewriteRefs(rewritten, renames);
      int before = renames.size();
      rewritten
          .properties()
          .forEach(
              section ->
                  section
                      .getValue()
                      .properties()
                      .forEach(
                          c -> {
                            JsonNode existing =
                                components.getOrDefault(section.getKey(), Map.of()).get(c.getKey());
                            if (existing != null && !existing.equals(c.getValue())) {
                              renames.putIfAbsent(
                                  section.getKey() + "/" + c.getKey(),
                                  capitalized(name) + c.getKey());
                            }
                          }));
      if (renames.size() == before) {
        return renames;
      }
    }
  }

  private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/")) {
        String key = ref.asText().substring("#/components/".length());
        String renamed = renames.get(key);
        if (renamed != null) {
          String section = key.substring(0, key.indexOf('/'));
          object.set("$ref", TextNode.valueOf("#/components/" + section + "/" + renamed));
        }
      }
      object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
    } else if (node instanceof ArrayNode array) {
      array.elements().forEachRemaining(child -> rewriteRefs(child, renames));
    }
  }

  private static List<String> refs(JsonNode node) {
    List<String> found = new java.util.ArrayList<>();
    Deque<JsonNode> todo = new ArrayDeque<>(List.of(node));
    while (!todo.isEmpty()) {
      JsonNode n = todo.pop();
      if (n.isObject() && n.path("$ref").isTextual()) {
        found.add(n.get("$ref").asText());
      }
      n.elements().forEachRemaining(todo::add);
    }
    return found;
  }

  private static void rename(ObjectNode operation, String name, String tagPrefix) {
    if (name != null && operation.path("operationId").isTextual()) {
      operation.put("operationId", name + "_" + operation.get("operationId").asText());
    }
    if (operation.get("tags") instanceof ArrayNode opTags && !tagPrefix.isEmpty()) {
      for (int i = 0; i < opTags.size(); i++) {
        opTags.set(i, TextNode.valueOf(tagPrefix + opTags.get(i).asText()));
      }
    }
  }

  /** {@code /events}, {@code /events/x} are hidden by {@code /events}; {@code /eventsx} is not. */
  static boolean hidden(String path, List<String> hiddenPaths) {
    String lower = path.toLowerCase(java.util.Locale.ROOT);
    return hiddenPaths.stream()
        .map(h -> h.toLowerCase(java.util.Locale.ROOT))
        .anyMatch(h -> lower.equals(h) || lower.startsWith(h.endsWith("/") ? h : h + "/"));
  }

  private static String capitalized(String name) {
    return name == null || name.isEmpty()
        ? "Gateway"
        : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
