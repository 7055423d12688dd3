package cn.gov.jingyang.ops.platform.idempotency;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

/**
 * Adds the optional {@code Idempotency-Key} header parameter to every operation whose resource
 * method (or class) carries {@link Idempotent}. Runs at build time, where SmallRye OpenAPI hands it
 * the index of the application's classes.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class IdempotencyKeyDocumentation implements OASFilter {

  private static final DotName IDEMPOTENT = DotName.createSimple(Idempotent.class.getName());
  private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
  private static final List<String> HTTP_METHODS = List.of("POST", "PUT", "PATCH", "DELETE");

  /** {@code POST /people/{id}/deactivation}, as the document names operations. */
  private final Set<String> operations = new HashSet<>();

  public IdempotencyKeyDocumentation(IndexView index) {
    for (AnnotationInstance idempotent : index.getAnnotations(IDEMPOTENT)) {
      AnnotationTarget target = idempotent.target();
      if (target.kind() == AnnotationTarget.Kind.METHOD) {
        add(target.asMethod());
      } else if (target.kind() == AnnotationTarget.Kind.CLASS) {
        target.asClass().methods().forEach(this::add);
      }
    }
  }

  public IdempotencyKeyDocumentation() {}

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations()
                    .forEach(
                        (method, operation) -> {
                          if (operations.contains(method.name() + " " + path)
                              && !documented(operation)) {
                            operation.addParameter(header());
                          }
                        }));
  }

  private void add(MethodInfo method) {
    String http =
        HTTP_METHODS.stream()
            .filter(m -> method.hasDeclaredAnnotation(DotName.createSimple("jakarta.ws.rs." + m)))
            .findFirst()
            .orElse(null);
    if (http == null) {
      return;
    }
    ClassInfo resource = method.declaringClass();
    String path =
        "/"
            + value(resource.declaredAnnotation(PATH))
            + "/"
            + value(method.declaredAnnotation(PATH));
    path = path.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    operations.add(http + " " + path);
  }

  private static String value(AnnotationInstance path) {
    return path == null || path.value() == null ? "" : path.value().asString();
  }

  private static boolean documented(Operation operation) {
    return operation.getParameters() != null
        && operation.getParameters().stream()
            .anyMatch(p -> Idempotent.HEADER.equalsIgnoreCase(p.getName()));
  }

  private static Parameter header() {
    return OASFactory.createParameter()
        .name(Idempotent.HEADER)
        .in(Parameter.In.HEADER)
        .required(false)
        .description(
            "Makes a retry safe: the first response is stored with this key (for the caller, 24 h by "
                + "default) and a retry with the same key and the same request gets it again, marked "
                + "Idempotent-Replayed: true, instead of a second change. The same key with a different request: "
                + "422; while the first request with the key still runs: 409 with Retry-After. "
                + "1 to 255 printable ASCII characters; a UUID is a good key.")
        .schema(
            OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1).maxLength(255))
        .example("3f0e1c52-9d7a-4b8e-a5d2-6c1f0b7e9a14");
  }
}
