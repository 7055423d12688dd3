package cn.gov.jingyang.ops.platform.openapi;

import cn.gov.jingyang.ops.platform.problem.Problem;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The one {@code application/problem+json} schema (RFC 9457, the platform's {@link Problem}) that
 * every error response of every service refers to, and the error responses themselves.
 */
public final class ProblemDocumentation {

  public static final String SCHEMA = "Problem";
  public static final String FIELD_ERROR_SCHEMA = "FieldError";
  public static final String REF = "#/components/schemas/" + SCHEMA;

  private ProblemDocumentation() {}

  /** {@code #/components/schemas/Problem}: what {@link Problem} serialises to. */
  public static Schema problemSchema() {
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.OBJECT)
        .description(
            "RFC 9457 problem details. Members beyond these are extensions of one problem type,"
                + " e.g. retryAfterSeconds on 429 and 503, earliestCursor on 410.")
        .addRequired("type")
        .addRequired("title")
        .addRequired("status")
        .addProperty(
            "type",
            text(2048, "what kind of problem: https://ops.jingyang.police/problems/<slug>")
                .format("uri"))
        .addProperty("title", text(200, "short summary of the problem type"))
        .addProperty(
            "status",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.INTEGER)
                .format("int32")
                .minimum(BigDecimal.valueOf(400))
                .maximum(BigDecimal.valueOf(599))
                .description("the HTTP status code"))
        .addProperty("detail", text(4000, "what went wrong with this request"))
        .addProperty(
            "instance",
            text(2048, "the request path this problem is about").format("uri-reference"))
        .addProperty(
            "correlationId",
            text(100, "the request's correlation id (X-Request-Id), also in the logs")
                .pattern("^[A-Za-z0-9._:-]{1,100}$"))
        .addProperty(
            "errors",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.ARRAY)
                .maxItems(1000)
                .description("the offending fields of an invalid request")
                .items(
                    OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR_SCHEMA)));
  }

  /** {@code #/components/schemas/FieldError}: one offending field of a request. */
  public static Schema fieldErrorSchema() {
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.OBJECT)
        .addRequired("field")
        .addRequired("message")
        .addProperty("field", text(500, "the field, parameter or header, e.g. occupants[0].name"))
        .addProperty("message", text(1000, "why its value was refused (never the value itself)"));
  }

  /** A response whose body is the problem schema. */
  public static APIResponse response(String description) {
    return OASFactory.createAPIResponse().description(description).content(content());
  }

  /** {@code application/problem+json} with the problem schema. */
  public static Content content() {
    return OASFactory.createContent()
        .addMediaType(
            Problem.MEDIA_TYPE,
            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
  }

  private static Schema text(int maxLength, String description) {
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.STRING)
        .maxLength(maxLength)
        .description(description);
  }
}
