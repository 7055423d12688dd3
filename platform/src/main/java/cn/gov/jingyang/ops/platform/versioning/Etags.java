package cn.gov.jingyang.ops.platform.versioning;

import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Optimistic locking over HTTP: an entity tag is the row version in quotes ({@code "3"}); an update
 * names the version it was based on in {@code If-Match}.
 */
public final class Etags {

  private Etags() {}

  public static String of(long version) {
    return "\"" + version + "\"";
  }

  /** 200 with the resource as read or written and its version as ETag. */
  public static Response ok(Object entity, long version) {
    return Response.ok(entity).header(HttpHeaders.ETAG, of(version)).build();
  }

  /** 201 at {@code location} with the new resource and its version as ETag. */
  public static Response created(URI location, Object entity, long version) {
    return Response.created(location).header(HttpHeaders.ETAG, of(version)).entity(entity).build();
  }

  /**
   * The version an If-Match header names (weak tags accepted). A missing header is 428
   * (Precondition Required): an update must say which version it was based on; a header naming no
   * version is 412. Comparing it with the current version is the caller's job (412 if stale).
   */
  public static long requiredVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ProblemException(
          Problem.of(
              428,
              "precondition-required",
              "Precondition required",
              "send If-Match with the ETag of the version you read (GET answers it as ETag)"));
    }
    String tag = ifMatch.trim();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    tag = tag.replace("\"", "").trim();
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw ProblemException.preconditionFailed(
          "If-Match " + ifMatch + " names no version of this resource");
    }
  }
}
