package cn.gov.jingyang.ops.testing.hostile;

import cn.gov.jingyang.ops.testing.hostile.HostileValues.Value;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Mutations of a request body: whole bodies that are broken, of the wrong shape or deeply nested,
 * and every field of the valid body replaced by each hostile JSON value or left out.
 */
public final class BodyMutations {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MARKER = "@@hostile-7f3a@@";
  private final Draft baseline;
  private final String valid;

  public BodyMutations(Operation op, Draft baseline) {
    this.baseline = baseline;
    this.valid = baseline.body == null ? "{}" : new String(baseline.body, StandardCharsets.UTF_8);
  }

  public void all(List<HostileRequest> out) {
    wholeBodies(out);
    fields(out);
  }

  private Draft with(String body) {
    return baseline.copy().header("Content-Type", "application/json").body(body);
  }

  private void wholeBodies(List<HostileRequest> out) {
    String half = valid.substring(0, valid.length() / 2);
    String[][] bodies = {
      {"empty", ""},
      {"null", "null"},
      {"array for object", "[" + valid + "]"},
      {"string", "\"x\""},
      {"number", "42"},
      {"truncated", half},
      {"unclosed", "{"},
      {"trailing comma", "{\"a\":1,}"},
      {"single quotes", "{'a':1}"},
      {"comment", "/* x */" + valid},
      {"trailing garbage", valid + "}}"},
      {"two documents", valid + valid},
      {"byte order mark", "\uFEFF" + valid},
      {"empty object", "{}"},
      {"deep nesting 5,000 arrays", "[".repeat(5_000) + "]".repeat(5_000)},
      {"deep nesting 5,000 objects", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)},
      {"deep nesting 50,000 arrays", "[".repeat(50_000)},
      {"unknown field", unknownField()},
      {"duplicate keys", duplicateKeys()},
      {"1 MB string", "{\"x\":\"" + "A".repeat(1 << 20) + "\"}"},
      {"NUL byte", valid.replaceFirst("\"", "\"\u0000")},
      {"form data", "a=b&c=d"},
      {"NaN literal", "NaN"},
      {"huge number", "1" + "0".repeat(2_000)}
    };
    for (String[] b : bodies) {
      out.add(with(b[1]).as("body: " + b[0]));
    }
    Draft invalidUtf8 = with(null);
    byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
    int quote = valid.indexOf('"') + 1;
    byte[] broken = new byte[bytes.length + 2];
    System.arraycopy(bytes, 0, broken, 0, quote);
    broken[quote] = (byte) 0xC3;
    broken[quote + 1] = (byte) 0x28;
    System.arraycopy(bytes, quote, broken, quote + 2, bytes.length - quote);
    invalidUtf8.body = broken;
    out.add(invalidUtf8.as("body: invalid UTF-8"));
    Draft utf16 = with(null);
    utf16.body = valid.getBytes(StandardCharsets.UTF_16);
    out.add(utf16.as("body: UTF-16 without charset"));
    for (String[] b :
        new String[][] {
          {"valid", valid},
          {"truncated", half},
          {"deep nesting 5,000 arrays", "[".repeat(5_000) + "]".repeat(5_000)}
        }) {
      Draft chunked = with(b[1]);
      chunked.chunked = true;
      out.add(chunked.as("chunked body: " + b[0]));
    }
  }

  private String unknownField() {
    return valid.startsWith("{") && valid.length() > 2
        ? "{\"zzUnknown\":{\"x\":[1,2]}," + valid.substring(1)
        : "{\"zzUnknown\":1}";
  }

  private String duplicateKeys() {
    return valid.startsWith("{\"") ? "{\"dup\":1,\"dup\":2," + valid.substring(1) : valid;
  }

  private void fields(List<HostileRequest> out) {
    JsonNode tree;
    try {
      tree = JSON.readTree(valid);
    } catch (JsonProcessingException e) {
      return;
    }
    List<List<Object>> paths = new ArrayList<>();
    collect(tree, new ArrayList<>(), paths);
    for (List<Object> path : paths) {
      out.add(with(render(tree, path, null)).as("body field: missing"));
      for (Value v : HostileValues.JSON) {
        out.add(with(render(tree, path, v.text())).as("body field: " + v.name()));
      }
    }
  }

  static void collect(JsonNode node, List<Object> at, List<List<Object>> paths) {
    if (node.isObject()) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        List<Object> child = new ArrayList<>(at);
        child.add(name);
        paths.add(child);
        collect(node.get(name), child, paths);
      }
    } else if (node.isArray() && node.size() > 0) {
      List<Object> child = new ArrayList<>(at);
      child.add(0);
      paths.add(child);
      collect(node.get(0), child, paths);
    }
  }

  /** The body with the value at {@code path} replaced by a JSON fragment, or removed if null. */
  static String render(JsonNode tree, List<Object> path, String fragment) {
    JsonNode copy = tree.deepCopy();
    JsonNode parent = copy;
    for (int i = 0; i < path.size() - 1; i++) {
      Object step = path.get(i);
      parent = step instanceof Integer n ? parent.get(n) : parent.get((String) step);
    }
    Object last = path.get(path.size() - 1);
    if (fragment == null) {
      if (last instanceof Integer n) {
        ((ArrayNode) parent).remove(n);
      } else {
        ((ObjectNode) parent).remove((String) last);
      }
      return copy.toString();
    }
    if (last instanceof Integer n) {
      ((ArrayNode) parent).set(n, TextNode.valueOf(MARKER));
    } else {
      ((ObjectNode) parent).set((String) last, TextNode.valueOf(MARKER));
    }
    return copy.toString().replace("\"" + MARKER + "\"", fragment);
  }

  private static byte[] oversizedBody;

  /** A body over the service's limit, declared with Content-Length or sent in chunks. */
  public static synchronized Draft oversized(Draft baseline, long limit, boolean chunked) {
    if (oversizedBody == null || oversizedBody.length <= limit) {
      byte[] body = new byte[(int) limit + 1024];
      java.util.Arrays.fill(body, (byte) 'A');
      byte[] head = "{\"x\":\"".getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(head, 0, body, 0, head.length);
      body[body.length - 2] = '"';
      body[body.length - 1] = '}';
      oversizedBody = body;
    }
    Draft d = baseline.copy().header("Content-Type", "application/json");
    d.body = oversizedBody;
    d.chunked = chunked;
    d.oversized = true;
    return d;
  }
}
