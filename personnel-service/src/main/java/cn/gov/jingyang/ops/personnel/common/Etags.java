package cn.gov.jingyang.ops.personnel.common;

import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.problem.ProblemException;

/** Entity tags are the row version in quotes: {@code "3"}. */
public final class Etags {

  private Etags() {}

  public static String of(long version) {
    return "\"" + version + "\"";
  }

  /**
   * The version an If-Match header names. A missing header is 428 (Precondition Required): an
   * update must say which version it was based on; an unreadable one is 412.
   */
  public static long requiredVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ProblemException(
          Problem.of(428, "precondition-required", "Precondition required",
              "send If-Match with the ETag of the version you read"));
    }
    String tag = ifMatch.trim();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    tag = tag.replace("\"", "");
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw ProblemException.preconditionFailed("If-Match " + ifMatch + " names no version of this resource");
    }
  }
}
