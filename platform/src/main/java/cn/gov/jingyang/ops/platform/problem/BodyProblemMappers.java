package cn.gov.jingyang.ops.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Bodies and parameters that are not what the API describes: unreadable JSON, wrong types, unknown
 * fields and failed bean validation are a 400 naming each offending field.
 */
public class BodyProblemMappers {

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
    boolean returnValue =
        e.getConstraintViolations().stream()
            .anyMatch(v -> kinds(v.getPropertyPath()).contains(ElementKind.RETURN_VALUE));
    if (returnValue) {
      return ProblemMappers.internal(
          e, uri); // our answer broke our own contract: not the caller's fault
    }
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    return ProblemResponse.of(Problem.validation(errors), uri).build();
  }

  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
    return ProblemResponse.of(unreadable(e), uri).build();
  }

  @ServerExceptionMapper
  public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
    return ProblemResponse.of(unreadable(e), uri).build();
  }

  @ServerExceptionMapper
  public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
    return ProblemResponse.of(unreadable(e), uri).build();
  }

  static Problem unreadable(JsonProcessingException e) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping.getPath());
      String message;
      if (e instanceof InvalidFormatException invalid
          && invalid.getTargetType() != null
          && invalid.getTargetType().isEnum()) {
        message =
            "unknown value '"
                + HttpProblemMappers.shortened(String.valueOf(invalid.getValue()))
                + "'; one of "
                + Arrays.toString(invalid.getTargetType().getEnumConstants());
      } else if (e instanceof UnrecognizedPropertyException) {
        message = "unknown field";
      } else if (e instanceof MismatchedInputException mismatched
          && mismatched.getTargetType() != null) {
        message = "expected " + describe(mismatched.getTargetType());
      } else {
        message = "invalid value";
      }
      return Problem.validation(List.of(new Problem.FieldError(field, message)));
    }
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
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
}
