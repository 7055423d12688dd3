package cn.gov.jingyang.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jingyang.ops.platform.security.Roles;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the merged public document that needs a token ({@link PublicOperations}) ×
 * every role of platform {@code Roles} × {valid token, no token, expired, another key, wrong
 * issuer, {@code alg: none}}: no or a bad token is 401 problem+json; a valid token of a role the
 * operation does not document is 403 problem+json; one of a documented role is neither (the
 * request, with made-up ids and an empty body, then fails or succeeds on its merits).
 */
class AuthorizationMatrixTest {

  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

  private static SystemStack stack;
  private static GatewayApi api;

  @BeforeAll
  static void suite() {
    stack = SystemStack.get();
    api = stack.api();
  }

  @Test
  void shouldAnswerEveryOperationForEveryRoleAndTokenAsDocumented() {
    List<PublicOperations.Operation> operations = PublicOperations.load(stack.gateway());
    assertThat(operations).hasSizeGreaterThan(80);
    List<String> wrong = new ArrayList<>();
    int requests = 0;
    for (PublicOperations.Operation op : operations) {
      assertThat(op.roles()).as("%s documents its roles", op).isNotEmpty();
      String path = concrete(op);
      requests++;
      expect(wrong, op, "no token", send(op, path, null), 401);
      for (String role : Roles.ALL) {
        HttpResponse<String> valid = send(op, path, api.tokenFor(role));
        requests++;
        if (op.roles().contains(role)) {
          if (valid.statusCode() == 401 || valid.statusCode() == 403) {
            wrong.add(line(op, role + " (documented)", valid, "neither 401 nor 403"));
          }
        } else {
          expect(wrong, op, role + " (not documented)", valid, 403);
        }
        for (ForgedTokens forged : ForgedTokens.values()) {
          requests++;
          expect(
              wrong,
              op,
              role + " " + forged,
              send(op, path, forged.token(stack, "system-test-" + role.toLowerCase(), role)),
              401);
        }
      }
    }
    System.out.printf(
        "authorization matrix: %d operations × %d roles × 6 kinds of token, %d requests%n",
        operations.size(), Roles.ALL.size(), requests);
    assertThat(wrong).as("%d requests, answers not as documented", requests).isEmpty();
  }

  private static void expect(
      List<String> wrong,
      PublicOperations.Operation op,
      String who,
      HttpResponse<String> r,
      int status) {
    boolean problem =
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    if (r.statusCode() != status || !problem) {
      wrong.add(line(op, who, r, status + " problem+json"));
    }
  }

  private static String line(
      PublicOperations.Operation op, String who, HttpResponse<String> r, String expected) {
    return "%s as %s: %d %s (expected %s) %s"
        .formatted(
            op,
            who,
            r.statusCode(),
            r.headers().firstValue("Content-Type").orElse("-"),
            expected,
            r.body().length() > 200 ? r.body().substring(0, 200) : r.body());
  }

  private static HttpResponse<String> send(
      PublicOperations.Operation op, String path, String token) {
    String body = op.requestMediaType() == null ? null : "{}";
    return GatewayApi.call(
        op.method(),
        stack.gateway() + path,
        token,
        body,
        op.requestMediaType(),
        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
  }

  /** The path with plausible values: a number for an integer parameter, else a random UUID. */
  private static String concrete(PublicOperations.Operation op) {
    Matcher m = PATH_PARAMETER.matcher(op.path());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String type = op.pathParameterTypes().getOrDefault(m.group(1), "string");
      m.appendReplacement(out, "integer".equals(type) ? "1" : UUID.randomUUID().toString());
    }
    return m.appendTail(out).toString();
  }
}
