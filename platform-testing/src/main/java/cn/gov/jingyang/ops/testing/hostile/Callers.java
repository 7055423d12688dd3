package cn.gov.jingyang.ops.testing.hostile;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.platform.security.Roles;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The callers the harness sends as: one with every role (to reach validation), and hostile ones.
 */
public final class Callers {

  public static final String ALL_ROLES =
      DevTokens.token("hostile", Roles.ALL.toArray(String[]::new));

  private static Map<String, String> tokens;

  /** Tokens by label: each role alone, none, and tokens the service must refuse (minted once). */
  public static synchronized Map<String, String> tokens() {
    if (tokens == null) {
      tokens = java.util.Collections.unmodifiableMap(mint());
    }
    return tokens;
  }

  private static Map<String, String> mint() {
    Map<String, String> tokens = new LinkedHashMap<>();
    for (String role : Roles.ALL) {
      tokens.put(role + " only", DevTokens.token("hostile." + role.toLowerCase(), role));
    }
    tokens.put("no roles", DevTokens.token("hostile.nobody"));
    tokens.put("unknown role", DevTokens.token("hostile.root", "ROOT", "ADMIN"));
    tokens.put("expired", DevTokens.expiredToken("hostile", Roles.ALL.toArray(String[]::new)));
    tokens.put(
        "signed by another key", DevTokens.tokenSignedByAnotherKey("mallory", Roles.COMMAND));
    tokens.put("garbage", "not-a-token");
    tokens.put("alg none", unsigned());
    tokens.put("truncated", ALL_ROLES.substring(0, ALL_ROLES.length() / 2));
    tokens.put("tampered signature", ALL_ROLES.substring(0, ALL_ROLES.length() - 4) + "AAAA");
    tokens.put("10,000 chars", ALL_ROLES + "A".repeat(10_000));
    tokens.put("control chars", "abc\u0001.def.ghi");
    tokens.put("empty", "");
    return tokens;
  }

  private static String unsigned() {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header =
        b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String claims =
        b64.encodeToString(
            ("{\"iss\":\""
                    + DevTokens.ISSUER
                    + "\",\"upn\":\"mallory\",\"groups\":[\"COMMAND\"],"
                    + "\"exp\":4102444800}")
                .getBytes(StandardCharsets.UTF_8));
    return header + "." + claims + ".";
  }

  private Callers() {}
}
