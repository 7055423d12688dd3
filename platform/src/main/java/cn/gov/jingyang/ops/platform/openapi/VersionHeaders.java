package cn.gov.jingyang.ops.platform.openapi;

import cn.gov.jingyang.ops.platform.versioning.Etags;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The version headers of {@link Etags}: an {@code ETag} answered is a version in quotes, an {@code
 * If-Match} sent names one (weak tags accepted); their schemas say so where a service declared the
 * header as a bare string.
 */
final class VersionHeaders {

  /** {@code W/"9223372036854775807"}: the longest tag a version can be. */
  static final int MAX_LENGTH = 24;

  private VersionHeaders() {}

  static void document(Operation operation) {
    if (operation.getParameters() != null) {
      operation.getParameters().stream()
          .filter(p -> p.getIn() != null && p.getIn().toString().equalsIgnoreCase("header"))
          .filter(p -> "If-Match".equalsIgnoreCase(p.getName()))
          .forEach(p -> bound(p.getSchema(), null));
    }
    operation
        .getResponses()
        .getAPIResponses()
        .values()
        .forEach(
            response -> {
              if (response.getHeaders() != null) {
                response.getHeaders().entrySet().stream()
                    .filter(h -> "ETag".equalsIgnoreCase(h.getKey()))
                    .forEach(h -> bound(h.getValue().getSchema(), "^(W/)?\"[0-9]{1,19}\"$"));
              }
            });
  }

  private static void bound(Schema schema, String pattern) {
    if (schema == null
        || schema.getType() == null
        || !schema.getType().contains(Schema.SchemaType.STRING)
        || schema.getMaxLength() != null) {
      return;
    }
    schema.setMaxLength(MAX_LENGTH);
    if (pattern != null && schema.getPattern() == null) {
      schema.setPattern(pattern);
    }
  }
}
