package cn.gov.jingyang.ops.stack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Every item of a paged list ({@code {items, page, size, total}}), 200 at a time. */
final class Pages {

  private Pages() {}

  /** {@code path} ends with {@code ?} or {@code &}. */
  static List<JsonNode> all(PublicApi api, String path) {
    List<JsonNode> items = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonNode answer = api.get(path + "size=200&page=" + page);
      answer.path("items").forEach(items::add);
      if (answer.path("items").size() < 200 || items.size() >= answer.path("total").asLong()) {
        return items;
      }
    }
  }

  static long total(PublicApi api, String path) {
    return api.get(path + "size=1&page=0").path("total").asLong();
  }
}
