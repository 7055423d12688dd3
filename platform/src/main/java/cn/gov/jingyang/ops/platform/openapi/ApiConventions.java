package cn.gov.jingyang.ops.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What is the same in every service's OpenAPI document, added once here rather than on every
 * resource method: the error responses every operation can give (400 when it takes input, 401 and
 * 403 when it needs a token, 500 always), all with the one problem+json schema; a problem schema on
 * any other error response declared without one; a description of the API when the service gives
 * none; {@code maxLength} on strings whose format fixes their length (uuid, date, date-time, time);
 * and on integer schemas that declare no bound, the bounds their format implies (int32, int64) —
 * these say only what the JSON parser accepts; a service declares tighter limits on its inputs with
 * Bean Validation. Runs at build time for every service (the platform is on each one's index).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiConventions implements OASFilter {

  /** Longest text of each string format the services use (ISO 8601 with nanoseconds and offset). */
  static final Map<String, Integer> FORMAT_LENGTHS =
      Map.of(
          "uuid", 36,
          "date", 10,
          "date-time", 35,
          "time", 24,
          "partial-time", 18,
          "duration", 64);

  /** Quarkus' descriptions of the responses it adds by itself, replaced by ours. */
  private static final List<String> GENERIC_DESCRIPTIONS =
      List.of("Bad Request", "Not Authorized", "Not Allowed");

  @Override
  public Schema filterSchema(Schema schema) {
    List<Schema.SchemaType> types = schema.getType();
    if (types == null) {
      return schema;
    }
    if (types.contains(Schema.SchemaType.STRING)
        && schema.getMaxLength() == null
        && schema.getEnumeration() == null
        && schema.getFormat() != null
        && FORMAT_LENGTHS.containsKey(schema.getFormat())) {
      schema.setMaxLength(FORMAT_LENGTHS.get(schema.getFormat()));
    }
    if (types.contains(Schema.SchemaType.INTEGER)) {
      boolean int32 = "int32".equals(schema.getFormat());
      if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
        schema.setMinimum(
            BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE)); // format's own bound
      }
      if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
        schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
      }
      if (schema.getFormat() == null) {
        schema.setFormat("int64");
      }
    }
    return schema;
  }

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    Components components = openAPI.getComponents();
    components.addSchema(ProblemDocumentation.SCHEMA, ProblemDocumentation.problemSchema());
    components.addSchema(
        ProblemDocumentation.FIELD_ERROR_SCHEMA, ProblemDocumentation.fieldErrorSchema());
    describe(openAPI);
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    boolean securedByDefault = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
    openAPI
        .getPaths()
        .getPathItems()
        .values()
        .forEach(
            item ->
                item.getOperations()
                    .values()
                    .forEach(operation -> document(operation, securedByDefault)));
  }

  private static void describe(OpenAPI openAPI) {
    if (openAPI.getInfo() == null) {
      openAPI.setInfo(OASFactory.createInfo().title("API").version("0.1.0"));
    }
    if (openAPI.getInfo().getDescription() == null) {
      openAPI
          .getInfo()
          .setDescription(
              openAPI.getInfo().getTitle()
                  + " of the epidemic operations platform of the Jingyang district police. Every"
                  + " operation needs a bearer JWT unless it says otherwise; every error is RFC"
                  + " 9457 application/problem+json.");
    }
  }

  static void document(Operation operation, boolean securedByDefault) {
    if (operation.getResponses() == null) {
      operation.setResponses(OASFactory.createAPIResponses());
    }
    APIResponses responses = operation.getResponses();
    boolean secured =
        operation.getSecurity() == null ? securedByDefault : !operation.getSecurity().isEmpty();
    boolean input =
        operation.getRequestBody() != null
            || (operation.getParameters() != null && !operation.getParameters().isEmpty());
    if (input) {
      error(
          responses,
          "400",
          "Bad request: a parameter, header or the body is missing, malformed or out of range"
              + " (errors names each field)");
    }
    if (secured) {
      error(
          responses,
          "401",
          "No valid bearer token: missing, expired, not yet valid, signed by an unknown key, from"
              + " another issuer, or unsigned");
      error(responses, "403", "The token's roles (or unit) do not allow this operation");
    }
    error(responses, "500", "Internal error (details only in the service's log, by correlationId)");
    VersionHeaders.document(operation);
    responses
        .getAPIResponses()
        .forEach(
            (code, response) -> {
              if (code.startsWith("4") || code.startsWith("5")) {
                withProblemBody(response);
              }
            });
  }

  /** Adds the error response, or gives a declared one without a body the problem body. */
  private static void error(APIResponses responses, String code, String description) {
    APIResponse declared = responses.getAPIResponse(code);
    if (declared == null) {
      responses.addAPIResponse(code, ProblemDocumentation.response(description));
    } else if (declared.getContent() == null || declared.getContent().getMediaTypes().isEmpty()) {
      if (GENERIC_DESCRIPTIONS.contains(declared.getDescription())) {
        declared.setDescription(description);
      }
      declared.setContent(ProblemDocumentation.content());
    }
  }

  private static void withProblemBody(APIResponse response) {
    if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
      response.setContent(ProblemDocumentation.content());
      return;
    }
    MediaType problem = response.getContent().getMediaType("application/problem+json");
    if (problem != null && problem.getSchema() == null) {
      problem.setSchema(OASFactory.createSchema().ref(ProblemDocumentation.REF));
    }
  }
}
