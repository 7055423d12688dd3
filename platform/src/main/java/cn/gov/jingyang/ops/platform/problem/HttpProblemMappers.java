package cn.gov.jingyang.ops.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What JAX-RS itself refuses (no such resource, method, representation or media type) and
 * parameters it cannot convert: a problem with the status JAX-RS chose, or a 400 naming the
 * parameter. Allowed values of an enum parameter come from the resource method's own signature,
 * never from text the caller sent.
 */
public class HttpProblemMappers {

  private static final int MAX_ECHOED = 60;

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, UriInfo uri, ResourceInfo resource) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return ProblemResponse.of(BodyProblemMappers.unreadable(json), uri).build();
    }
    int status = e.getResponse().getStatus();
    if (status == 404 && e.getCause() instanceof RuntimeException conversion) {
      // JAX-RS answers 404 when a query or path parameter cannot be converted; it is a bad request
      return ProblemResponse.of(
              Problem.validation(List.of(badParameter(conversion, uri, resource))), uri)
          .build();
    }
    if (status >= 500) {
      return ProblemMappers.internal(e, uri);
    }
    Response.ResponseBuilder builder = ProblemResponse.of(ofStatus(status), uri);
    String allow = e.getResponse().getHeaderString("Allow");
    if (allow != null) {
      builder.header("Allow", allow);
    }
    return builder.build();
  }

  /** A problem for a status some layer chose without saying more. */
  public static Problem ofStatus(int status) {
    if (status >= 500) {
      return ProblemMappers.internal();
    }
    Response.Status known = Response.Status.fromStatusCode(status);
    String title =
        switch (status) {
          case 413 -> "Request too large";
          case 414 -> "URI too long";
          case 422 -> "Unprocessable content";
          case 428 -> "Precondition required";
          case 429 -> "Too many requests";
          case 431 -> "Request header fields too large";
          default -> known == null ? "Request refused" : known.getReasonPhrase();
        };
    String detail =
        switch (status) {
          case 400 -> "the request could not be read";
          case 401 -> SecurityProblemMappers.unauthenticated().getDetail();
          case 403 -> SecurityProblemMappers.forbidden().getDetail();
          case 404 -> "there is no resource at this path";
          case 405 -> "this method is not allowed on this resource; see the Allow header";
          case 406 -> "no acceptable representation; this API answers application/json";
          case 413 -> "the request body is larger than this service accepts";
          case 414 -> "the request URI is longer than this service accepts";
          case 415 -> "unsupported media type; send application/json";
          case 431 -> "the request headers are larger than this service accepts";
          default -> title;
        };
    String slug =
        switch (status) {
          case 401 -> "unauthenticated";
          case 404 -> "not-found";
          case 413 -> "too-large";
          default -> title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        };
    return Problem.of(status, slug, title, detail);
  }

  /** Names the parameter whose value could not be converted, and what it should have been. */
  static Problem.FieldError badParameter(RuntimeException e, UriInfo uri, ResourceInfo resource) {
    try {
      Problem.FieldError enumError = unknownConstant(uri, resource);
      if (enumError != null) {
        return enumError;
      }
      return byMessage(e, uri);
    } catch (RuntimeException unreadable) {
      return new Problem.FieldError("query", "invalid value");
    }
  }

  /** An enum parameter of the resource method whose value is none of its constants. */
  private static Problem.FieldError unknownConstant(UriInfo uri, ResourceInfo resource) {
    Method method = resource == null ? null : resource.getResourceMethod();
    if (method == null || uri == null) {
      return null;
    }
    for (Parameter parameter : method.getParameters()) {
      Class<?> type = parameter.getType();
      if (!type.isEnum()) {
        continue;
      }
      QueryParam query = parameter.getAnnotation(QueryParam.class);
      PathParam path = parameter.getAnnotation(PathParam.class);
      String name = query != null ? query.value() : path != null ? path.value() : null;
      List<String> values =
          name == null
              ? null
              : (query != null ? uri.getQueryParameters() : uri.getPathParameters()).get(name);
      if (values == null) {
        continue;
      }
      for (String value : values) {
        boolean known =
            Arrays.stream(type.getEnumConstants())
                .anyMatch(c -> ((Enum<?>) c).name().equals(value));
        if (!known) {
          return new Problem.FieldError(
              name,
              "unknown value '"
                  + shortened(value)
                  + "'; expected one of "
                  + Arrays.toString(type.getEnumConstants()));
        }
      }
    }
    return null;
  }

  private static Problem.FieldError byMessage(RuntimeException e, UriInfo uri) {
    String message = String.valueOf(e.getMessage());
    String expected = "a valid value";
    String value = null;
    if (message.startsWith("No enum constant ")) {
      expected = "a known value";
      value = message.substring(message.lastIndexOf('.') + 1);
    } else if (e instanceof NumberFormatException) {
      expected = "a number";
      int quote = message.indexOf('"');
      value =
          quote < 0 || quote == message.lastIndexOf('"')
              ? null
              : message.substring(quote + 1, message.lastIndexOf('"'));
    } else if (e instanceof java.time.format.DateTimeParseException parse) {
      expected = "an ISO-8601 date or date-time (2020-02-03, 2020-02-03T08:00:00+08:00)";
      value = parse.getParsedString();
    } else if (message.startsWith("Invalid UUID string: ")) {
      expected = "a UUID";
      value = message.substring("Invalid UUID string: ".length());
    }
    String field = "query";
    if (uri != null && value != null) {
      field = named(uri.getQueryParameters(), value, field);
      field = named(uri.getPathParameters(), value, field);
    }
    return new Problem.FieldError(
        field,
        (value == null ? "invalid value" : "unknown value '" + shortened(value) + "'")
            + "; expected "
            + expected);
  }

  private static String named(
      Map<String, List<String>> parameters, String value, String otherwise) {
    String field = otherwise;
    for (var param : parameters.entrySet()) {
      if (param.getValue().contains(value)) {
        field = param.getKey();
      }
    }
    return field;
  }

  /** Caller text echoed in a message: short, and without control characters. */
  static String shortened(String value) {
    String clean = value.replaceAll("\\p{Cntrl}", "?");
    return clean.length() <= MAX_ECHOED ? clean : clean.substring(0, MAX_ECHOED) + "…";
  }
}
