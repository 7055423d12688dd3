package cn.gov.jingyang.ops.gateway.situation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One service's section of the report: its own answer with {@code "status":"available"} added, or
 * {@code {"status":"unavailable","reason":...}} — a reason a caller can act on, never an address,
 * exception or stack trace.
 */
final class Section {

  static final String STATUS = "status";

  private Section() {}

  static ObjectNode available(ObjectNode answer) {
    answer.put(STATUS, "available");
    return answer;
  }

  static ObjectNode unavailable(String reason) {
    ObjectNode section = JsonNodeFactory.instance.objectNode();
    section.put(STATUS, "unavailable");
    section.put("reason", reason);
    return section;
  }
}
