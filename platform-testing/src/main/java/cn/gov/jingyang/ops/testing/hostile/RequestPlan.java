package cn.gov.jingyang.ops.testing.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The hostile requests of one API document: valid creations first (so that ids of things that exist
 * go into paths and fields), then every operation's mutations, service-wide ones (methods, request
 * lines, framing, bodies over the limit), sampled and filled up to a number. Used by a service's
 * {@code HostileRequestTest} and by the gateway volume run of the bench module.
 */
public final class RequestPlan {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<Operation, OperationMutations> operations = new LinkedHashMap<>();
  private final KnownIds ids = new KnownIds();

  /**
   * @param allRoles the baseline's valid token ({@link OperationMutations})
   */
  public RequestPlan(ApiDocument api, String allRoles) {
    BaselineValues values = new BaselineValues(api, ids::forField);
    api.operations()
        .forEach(op -> operations.put(op, new OperationMutations(op, values, ids, allRoles)));
  }

  public Map<Operation, OperationMutations> operations() {
    return operations;
  }

  /** Sends the valid creations (twice over) and records the ids they answer. */
  public void createThings(RawHttp http) {
    createThings(http, operations, ids);
  }

  /**
   * At least {@code min} and (the fill aside) at most {@code max} requests, drawn by {@code
   * random}; no body over {@code limit} goes to a path of {@code largeBodyPaths}.
   */
  public List<HostileRequest> generate(
      Random random, long limit, List<String> largeBodyPaths, int min, int max) {
    return generate(operations, random, limit, largeBodyPaths, min, max);
  }

  /**
   * Valid creations first, twice over, so that ids of things that exist go into paths and fields.
   */
  private static void createThings(
      RawHttp http, Map<Operation, OperationMutations> operations, KnownIds ids) {
    for (int pass = 0; pass < 2; pass++) {
      operations.forEach(
          (op, m) -> {
            if (op.method().equals("POST") && !op.path().contains("{") && op.body() != null) {
              Exchange created = http.send(m.baseline().as("valid baseline"));
              if (created.status() / 100 == 2) {
                try {
                  JsonNode id = JSON.readTree(created.body()).path("id");
                  if (id.isTextual()) {
                    ids.record(op.path(), id.asText());
                  }
                } catch (Exception e) {
                  // not JSON: nothing to learn
                }
              }
            }
          });
    }
  }

  private static List<HostileRequest> generate(
      Map<Operation, OperationMutations> operations,
      Random random,
      long limit,
      List<String> largeBodyPaths,
      int min,
      int max) {
    List<HostileRequest> all = new ArrayList<>();
    operations.values().forEach(m -> all.addAll(m.all()));
    ServiceMutations service = new ServiceMutations(operations, random);
    service.methods(all);
    Draft anyRead =
        operations.entrySet().stream()
            .filter(e -> !e.getKey().writes())
            .findFirst()
            .map(e -> e.getValue().baseline())
            .orElseThrow();
    service.requestLines(anyRead, all);
    List<OperationMutations> writes =
        operations.entrySet().stream()
            .filter(e -> e.getKey().writes())
            .sorted(Comparator.comparing(e -> e.getKey().body() == null))
            .map(Map.Entry::getValue)
            .toList();
    if (!writes.isEmpty()) {
      service.framing(writes.get(0).baseline(), all);
    }
    List<OperationMutations> limited =
        operations.entrySet().stream()
            .filter(e -> e.getKey().writes() && !largeBodyPaths.contains(e.getKey().path()))
            .sorted(Comparator.comparing(e -> e.getKey().body() == null))
            .map(Map.Entry::getValue)
            .toList();
    for (int i = 0; i < Math.min(2, limited.size()); i++) {
      all.add(
          BodyMutations.oversized(limited.get(i).baseline(), limit, false)
              .as("body over the limit: Content-Length"));
      all.add(
          BodyMutations.oversized(limited.get(i).baseline(), limit, true)
              .as("body over the limit: chunked"));
    }
    List<HostileRequest> kept = sample(all, random, max);
    service.fill(kept, min);
    return kept;
  }

  /**
   * At most {@code max} requests, drawn by the seed: first one of every kind of mutation and one of
   * every place mutated in every operation (its baseline included), then any others at random, so
   * that the many body-field mutations get their share without crowding out the rest.
   */
  private static List<HostileRequest> sample(List<HostileRequest> all, Random random, int max) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, random);
    BitSet kept = new BitSet();
    Set<String> covered = new HashSet<>();
    for (int i : order) {
      String category = all.get(i).category();
      String place = all.get(i).operation() + " | " + category.split(":")[0];
      if (covered.add(category) | covered.add(place)) {
        kept.set(i);
      }
    }
    for (int i : order) {
      if (kept.cardinality() >= max) {
        break;
      }
      kept.set(i);
    }
    List<HostileRequest> out = new ArrayList<>();
    kept.stream().forEach(i -> out.add(all.get(i)));
    return out;
  }
}
