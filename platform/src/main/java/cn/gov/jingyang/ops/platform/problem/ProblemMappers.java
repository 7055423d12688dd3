package cn.gov.jingyang.ops.platform.problem;

import cn.gov.jingyang.ops.platform.correlation.TraceContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error into RFC 9457 problem+json: validation and unreadable bodies into 400 naming
 * the fields, security into 401/403, domain refusals into their own status, and anything
 * unexpected into a 500 that says nothing of the internals (the log has it, under the
 * correlation id the caller is given).
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response domain(ProblemException e, UriInfo uri) {
    return respond(e.problem(), uri);
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
    boolean returnValue =
        e.getConstraintViolations().stream()
            .anyMatch(v -> kinds(v.getPropertyPath()).contains(ElementKind.RETURN_VALUE));
    if (returnValue) {
      return unexpected(e, uri);
    }
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    return respond(Problem.validation(errors), uri);
  }

  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
    return respond(unreadable(e), uri);
  }

  @ServerExceptionMapper
  public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
    return respond(unreadable(e), uri);
  }

  @ServerExceptionMapper
  public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
    return respond(unreadable(e), uri);
  }

  @ServerExceptionMapper
  public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
    return unauthorized(uri);
  }

  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException e, UriInfo uri) {
    return unauthorized(uri);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return respond(
        Problem.of(403, "forbidden", "Forbidden", "your role may not perform this request"), uri);
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, UriInfo uri) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return respond(unreadable(json), uri);
    }
    int status = e.getResponse().getStatus();
    if (status == 404 && e.getCause() instanceof RuntimeException conversion) {
      // JAX-RS answers 404 when a query or path parameter cannot be converted; it is a bad request
      return respond(Problem.validation(List.of(badParameter(conversion, uri))), uri);
    }
    if (status >= 500) {
      return unexpected(e, uri);
    }
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "Request refused" : known.getReasonPhrase();
    String detail =
        switch (status) {
          case 404 -> "no resource at " + uri.getPath();
          case 405 -> "method not allowed on " + uri.getPath();
          case 406 -> "no acceptable representation; this API answers application/json";
          case 415 -> "unsupported media type; send application/json";
          default -> title;
        };
    Problem problem = Problem.of(status, slug(title), title, detail);
    Response.ResponseBuilder builder = response(problem, uri);
    String allow = e.getResponse().getHeaderString("Allow");
    if (allow != null) {
      builder.header("Allow", allow);
    }
    return builder.build();
  }

  @ServerExceptionMapper(priority = 10_000)
  public Response unexpected(Throwable e, UriInfo uri) {
    LOG.errorf(e, "unexpected error on %s", uri == null ? "?" : uri.getPath());
    return respond(
        Problem.of(
            500,
            "internal",
            "Internal error",
            "the request could not be completed; quote the correlation id when reporting it"),
        uri);
  }

  /** Names the parameter whose value could not be converted, and what it should have been. */
  private static Problem.FieldError badParameter(RuntimeException e, UriInfo uri) {
    String message = String.valueOf(e.getMessage());
    String expected = "a valid value";
    String value = null;
    if (message.startsWith("No enum constant ")) {
      String constant = message.substring("No enum constant ".length());
      int dot = constant.lastIndexOf('.');
      value = constant.substring(dot + 1);
      Class<?> type = enumType(constant.substring(0, dot));
      expected = type == null ? "a known value" : "one of " + Arrays.toString(type.getEnumConstants());
    } else if (e instanceof NumberFormatException) {
      expected = "a number";
      int quote = message.indexOf('"');
      value = quote < 0 ? null : message.substring(quote + 1, message.lastIndexOf('"'));
    } else if (e instanceof java.time.format.DateTimeParseException parse) {
      expected = "an ISO-8601 date or date-time (2020-02-03, 2020-02-03T08:00:00+08:00)";
      value = parse.getParsedString();
    } else if (message.startsWith("Invalid UUID string: ")) {
      expected = "a UUID";
      value = message.substring("Invalid UUID string: ".length());
    }
    String field = "query";
    if (uri != null && value != null) {
      for (var param : uri.getQueryParameters().entrySet()) {
        if (param.getValue().contains(value)) {
          field = param.getKey();
        }
      }
      for (var param : uri.getPathParameters().entrySet()) {
        if (param.getValue().contains(value)) {
          field = param.getKey();
        }
      }
    }
    return new Problem.FieldError(field, (value == null ? "invalid value" : "unknown value '" + value + "'") + "; expected " + expected);
  }

  /** {@code a.b.Outer.Inner} as written in messages is {@code a.b.Outer$Inner} to the class loader. */
  private static Class<?> enumType(String name) {
    String candidate = name;
    for (int i = 0; i < 3 && candidate.indexOf('.') > 0; i++) {
      try {
        return Class.forName(candidate, false, Thread.currentThread().getContextClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        int dot = candidate.lastIndexOf('.');
        candidate = candidate.substring(0, dot) + "$" + candidate.substring(dot + 1);
      }
    }
    return null;
  }

  private Response unauthorized(UriInfo uri) {
    return response(
            Problem.of(
                401,
                "unauthenticated",
                "Unauthenticated",
                "a valid bearer token signed by a trusted issuer is required"),
            uri)
        .header("WWW-Authenticate", "Bearer")
        .build();
  }

  private static Problem unreadable(JsonProcessingException e) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping.getPath());
      String message;
      if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
          && invalid.getTargetType().isEnum()) {
        message =
            "unknown value '" + invalid.getValue() + "'; one of "
                + Arrays.toString(invalid.getTargetType().getEnumConstants());
      } else if (e instanceof UnrecognizedPropertyException) {
        message = "unknown field";
      } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
        message = "expected " + describe(mismatched.getTargetType());
      } else {
        message = "invalid value";
      }
      return Problem.validation(List.of(new Problem.FieldError(field, message)));
    }
    String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
        + ", column " + e.getLocation().getColumnNr();
    return new Problem(
        "malformed-json",
        "Malformed JSON",
        400,
        "the request body is not valid JSON" + where,
        List.of(new Problem.FieldError("body", "not valid JSON" + where)));
  }

  private static String describe(Class<?> type) {
    if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (type == String.class) {
      return "a string";
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return "an ISO-8601 date/time";
    }
    return "an object";
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : refs) {
      if (ref.getFieldName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.isEmpty() ? "body" : out.toString();
  }

  /** {@code create.request.occupants[0].name} → {@code occupants[0].name}. */
  private static String fieldName(ConstraintViolation<?> violation) {
    List<String> parts = new ArrayList<>();
    boolean skipped = false;
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
        continue;
      }
      if (node.getKind() == ElementKind.PARAMETER && !skipped) {
        skipped = true;
        // a query or path parameter is named by itself; a body's fields by their own names
        parts.add(node.getName());
        continue;
      }
      if (node.isInIterable() && !parts.isEmpty()) {
        Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
        if (position != null) {
          parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + position + "]");
        }
      }
      String name = node.getName();
      if (name != null && !name.isEmpty() && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
        parts.add(name);
      }
    }
    if (parts.size() > 1) {
      parts.remove(0); // the body parameter's own name says nothing to the caller
    }
    return parts.isEmpty() ? "body" : String.join(".", parts);
  }

  private static List<ElementKind> kinds(Path path) {
    List<ElementKind> kinds = new ArrayList<>();
    path.forEach(n -> kinds.add(n.getKind()));
    return kinds;
  }

  private static String slug(String title) {
    return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
  }

  private static Response respond(Problem problem, UriInfo uri) {
    return response(problem, uri).build();
  }

  private static Response.ResponseBuilder response(Problem problem, UriInfo uri) {
    if (uri != null) {
      problem.setInstance(java.net.URI.create(uri.getPath()));
    }
    problem.setCorrelationId(TraceContext.correlationId());
    Response.ResponseBuilder builder =
        Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem);
    if (problem.getStatus() == 429 && problem.getExtensions().get("retryAfterSeconds") != null) {
      builder.header("Retry-After", problem.getExtensions().get("retryAfterSeconds"));
    }
    return builder;
  }
}
