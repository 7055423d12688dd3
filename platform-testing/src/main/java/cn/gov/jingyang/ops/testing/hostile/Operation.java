package cn.gov.jingyang.ops.testing.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One operation of a service's OpenAPI document: what the hostile requests are generated from.
 *
 * @param body the resolved schema of the request body, or null if the operation takes none
 * @param roles the roles that may call it (from its {@code security} requirement), empty if open
 */
public record Operation(
    String method, String path, List<Param> params, JsonNode body, List<String> roles) {

  /** A path, query or header parameter. */
  public record Param(String name, String in, JsonNode schema, boolean required) {}

  public boolean writes() {
    return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
  }

  public List<Param> in(String location) {
    return params.stream().filter(p -> p.in().equals(location)).toList();
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
