package cn.gov.jingyang.ops.testing.hostile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ids of things the harness created with valid requests, by collection ("/checkpoints"), so that
 * path parameters and fields such as {@code checkpointId} name something that exists.
 */
public final class KnownIds {

  private final Map<String, String> byCollection = new LinkedHashMap<>();

  public void record(String collectionPath, String id) {
    byCollection.putIfAbsent(collectionPath, id);
  }

  /** The id for a path parameter: {@code {id}} after "/checkpoints" is a checkpoint's. */
  public String forPath(String template, String param) {
    if (!param.equals("id")) {
      return forField(param);
    }
    int at = template.indexOf("/{" + param + "}");
    return at < 0 ? null : byCollection.get(template.substring(0, at));
  }

  /**
   * The id for a field: {@code fromUnitId} or {@code unitId} is a unit's, {@code personIds} a
   * person's.
   */
  public String forField(String name) {
    if (name == null || !(name.endsWith("Id") || name.endsWith("Ids"))) {
      return null;
    }
    String base = name.substring(0, name.lastIndexOf("Id"));
    int word = Math.max(0, lastUpperCase(base));
    String noun = base.substring(word).toLowerCase();
    for (Map.Entry<String, String> c : byCollection.entrySet()) {
      if (singular(c.getKey()).equals(noun)) {
        return c.getValue();
      }
    }
    return null;
  }

  private static int lastUpperCase(String text) {
    for (int i = text.length() - 1; i >= 0; i--) {
      if (Character.isUpperCase(text.charAt(i))) {
        return i;
      }
    }
    return 0;
  }

  static String singular(String collectionPath) {
    String last = collectionPath.substring(collectionPath.lastIndexOf('/') + 1);
    last = last.substring(last.lastIndexOf('-') + 1);
    if (last.equals("people")) {
      return "person";
    }
    if (last.endsWith("ies")) {
      return last.substring(0, last.length() - 3) + "y";
    }
    if (last.endsWith("ches")
        || last.endsWith("shes")
        || last.endsWith("sses")
        || last.endsWith("xes")) {
      return last.substring(0, last.length() - 2);
    }
    return last.endsWith("s") ? last.substring(0, last.length() - 1) : last;
  }
}
