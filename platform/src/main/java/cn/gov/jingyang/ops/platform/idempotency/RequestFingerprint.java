package cn.gov.jingyang.ops.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash that says whether a retry is the same request: SHA-256 of method, path, query and the
 * body as the service read it (re-serialised with sorted map keys, so spacing and key order of the
 * JSON sent do not matter, but every value does).
 */
final class RequestFingerprint {

  private final ObjectMapper canonical;

  RequestFingerprint(ObjectMapper json) {
    this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  }

  String of(String method, String path, String query, Method resourceMethod, Object[] arguments)
      throws JsonProcessingException {
    String body = canonical.writeValueAsString(body(resourceMethod, arguments));
    String request = method + "\n" + path + "\n" + (query == null ? "" : query) + "\n" + body;
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(request.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The entity parameter: the one without a JAX-RS annotation (path, query, header, context…). */
  private static Object body(Method method, Object[] arguments) {
    Annotation[][] annotations = method.getParameterAnnotations();
    for (int i = 0; i < annotations.length && i < arguments.length; i++) {
      boolean bound = false;
      for (Annotation a : annotations[i]) {
        String pkg = a.annotationType().getPackageName();
        bound |= pkg.startsWith("jakarta.ws.rs") || pkg.startsWith("org.jboss.resteasy.reactive");
      }
      if (!bound) {
        return arguments[i];
      }
    }
    return null;
  }
}
