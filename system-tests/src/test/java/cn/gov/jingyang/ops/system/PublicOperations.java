package cn.gov.jingyang.ops.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every public operation of the API behind the gateway, with the roles its documentation allows.
 * For now read from the services' OpenAPI snapshots ({@code contracts/openapi/<route>.json}, paths
 * prefixed with {@code /api/v1/<route>}, the services' {@code /events}, {@code /admin} and {@code
 * /q} left out since the gateway does not route them); the one place to switch to the gateway's
 * merged document at {@code /api/v1/openapi}.
 */
final class PublicOperations {

  /**
   * An operation: method, public path (a template, e.g. {@code /api/v1/case/cases/{id}}), the
   * documented roles, the types of its path parameters and the media type of its request body
   * (null: none).
   */
  record Operation(
      String method,
      String path,
      Set<String> roles,
      Map<String, String> pathParameterTypes,
      String requestMediaType) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private static final List<String> ROUTES = List.of("checkpoint", "case", "personnel");
  private static final List<String> HIDDEN = List.of("/events", "/admin", "/q");
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  private PublicOperations() {}

  static List<Operation> load() {
    Path contracts = Path.of("..").toAbsolutePath().normalize().resolve("contracts/openapi");
    List<Operation> operations = new ArrayList<>();
    for (String route : ROUTES) {
      JsonNode document;
      try {
        document = new ObjectMapper().readTree(contracts.resolve(route + ".json").toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
          paths.hasNext(); ) {
        Map.Entry<String, JsonNode> path = paths.next();
        if (HIDDEN.stream()
            .anyMatch(h -> path.getKey().equals(h) || path.getKey().startsWith(h + "/"))) {
          continue;
        }
        for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            ops.hasNext(); ) {
          Map.Entry<String, JsonNode> op = ops.next();
          if (METHODS.contains(op.getKey())) {
            operations.add(operation(route, path.getKey(), op.getKey(), op.getValue()));
          }
        }
      }
    }
    return operations;
  }

  private static Operation operation(String route, String path, String method, JsonNode op) {
    Set<String> roles = new TreeSet<>();
    op.path("security")
        .forEach(
            requirement ->
                requirement.forEach(scopes -> scopes.forEach(r -> roles.add(r.asText()))));
    Map<String, String> parameters = new java.util.HashMap<>();
    for (JsonNode parameter : op.path("parameters")) {
      if ("path".equals(parameter.path("in").asText())) {
        parameters.put(
            parameter.path("name").asText(),
            parameter.path("schema").path("type").asText("string"));
      }
    }
    Iterator<String> media = op.path("requestBody").path("content").fieldNames();
    return new Operation(
        method.toUpperCase(java.util.Locale.ROOT),
        "/api/v1/" + route + path,
        roles,
        parameters,
        media.hasNext() ? media.next() : null);
  }
}
