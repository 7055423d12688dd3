package cn.gov.jingyang.ops.platform.testapp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The "fix" an operator makes before re-driving: an event whose data say {@code needsRepair:
 * <token>} is refused as poison by {@link InboundHandler} until a test marks the token repaired.
 */
public final class Repairs {

  private static final Set<String> REPAIRED = ConcurrentHashMap.newKeySet();

  private Repairs() {}

  public static void repair(String token) {
    REPAIRED.add(token);
  }

  static boolean repaired(String token) {
    return REPAIRED.contains(token);
  }
}
