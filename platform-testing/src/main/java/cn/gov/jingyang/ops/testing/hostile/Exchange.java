package cn.gov.jingyang.ops.testing.hostile;

import java.util.Map;

/**
 * What came back for a request: the status (-1 if none), headers (names in lower case) and body, or
 * the failure to get an answer.
 */
public record Exchange(int status, Map<String, String> headers, String body, String failure) {

  public String contentType() {
    return headers.getOrDefault("content-type", "");
  }

  public String describe() {
    if (status < 0) {
      return failure;
    }
    String type = contentType().isEmpty() ? "no Content-Type" : contentType();
    return status + " " + type + " " + HostileRequest.visible(HostileRequest.abbreviate(body, 200));
  }
}
