package cn.gov.jingyang.ops.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every operation of the public API that needs a token, with the roles its documentation allows:
 * read from the gateway's merged document ({@code GET /api/v1/openapi}), the contract integrating
 * systems see. The open operations (token endpoint, login, JWKS, the document itself) declare an
 * empty security requirement and are left out.
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

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  private PublicOperations() {}

  static List<Operation> load(String gateway) {
    HttpResponse<String> answer =
        GatewayApi.call("GET", gateway + "/api/v1/openapi", null, null, null, Map.of());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("GET /api/v1/openapi answered " + answer.statusCode());
    }
    JsonNode document = GatewayApi.json(answer);
    List<Operation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (METHODS.contains(op.getKey())) {
          Operation operation = operation(path.getKey(), op.getKey(), op.getValue());
          if (!operation.roles().isEmpty()) {
            operations.add(operation);
          }
        }
      }
    }
    return operations;
  }

  private static Operation operation(String path, String method, JsonNode op) {
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
        path,
        roles,
        parameters,
        media.hasNext() ? media.next() : null);
  }
}
