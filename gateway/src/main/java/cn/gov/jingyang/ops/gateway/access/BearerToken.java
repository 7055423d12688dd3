package cn.gov.jingyang.ops.gateway.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import java.util.Base64;
import java.util.regex.Pattern;

/** The bearer token of a request, and its subject read without verification (for the log only). */
final class BearerToken {

  private static final Pattern SAFE_SUBJECT = Pattern.compile("[A-Za-z0-9._@:-]{1,64}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private BearerToken() {}

  static String of(HttpServerRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? null : token;
  }

  /**
   * The {@code sub} claim of an unverified token, or {@code invalid} when it cannot be read or is
   * not a plain identifier (so that nothing a caller made up lands in the log as is).
   */
  static String unverifiedSubject(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || parts[1].length() > 8192) {
      return "invalid";
    }
    try {
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      String subject = claims == null ? null : claims.path("sub").asText(null);
      return subject != null && SAFE_SUBJECT.matcher(subject).matches() ? subject : "invalid";
    } catch (Exception e) {
      return "invalid";
    }
  }
}
