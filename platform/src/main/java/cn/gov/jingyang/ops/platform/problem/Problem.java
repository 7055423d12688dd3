package cn.gov.jingyang.ops.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem details document ({@code application/problem+json}). Validation problems list
 * the offending fields in {@code errors}; anything else specific goes in extension members.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Problem {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_BASE = "https://ops.jingyang.police/problems/";

  private final URI type;
  private final String title;
  private final int status;
  private final String detail;
  private URI instance;
  private String correlationId;
  private final List<FieldError> errors;
  private final Map<String, Object> extensions = new LinkedHashMap<>();

  public record FieldError(String field, String message) {}

  public Problem(String slug, String title, int status, String detail, List<FieldError> errors) {
    this.type = URI.create(TYPE_BASE + slug);
    this.title = title;
    this.status = status;
    this.detail = detail;
    this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
  }

  /** 400 listing every offending field. */
  public static Problem validation(List<FieldError> errors) {
    String detail =
        errors.stream()
            .map(f -> f.field() + ": " + f.message())
            .collect(java.util.stream.Collectors.joining("; "));
    return new Problem("validation", "Invalid request", 400, detail, errors);
  }

  public static Problem of(int status, String slug, String title, String detail) {
    return new Problem(slug, title, status, detail, null);
  }

  public Problem with(String member, Object value) {
    extensions.put(member, value);
    return this;
  }

  public URI getType() {
    return type;
  }

  public String getTitle() {
    return title;
  }

  public int getStatus() {
    return status;
  }

  public String getDetail() {
    return detail;
  }

  public URI getInstance() {
    return instance;
  }

  public void setInstance(URI instance) {
    this.instance = instance;
  }

  public String getCorrelationId() {
    return correlationId;
  }

  public void setCorrelationId(String correlationId) {
    this.correlationId = correlationId;
  }

  public List<FieldError> getErrors() {
    return errors;
  }

  @JsonAnyGetter
  public Map<String, Object> getExtensions() {
    return extensions;
  }
}
