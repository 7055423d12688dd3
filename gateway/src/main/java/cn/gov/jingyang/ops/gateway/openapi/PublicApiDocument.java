package cn.gov.jingyang.ops.gateway.openapi;

import cn.gov.jingyang.ops.gateway.routing.ReverseProxy;
import cn.gov.jingyang.ops.gateway.routing.RoutesConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The one public OpenAPI document: the gateway's own public operations and every route's service
 * document (the committed {@code contracts/openapi/<route>.json}, packaged in the gateway), its
 * paths under {@code /api/v1/<route>} without the hidden ones, plus what the gateway adds to every
 * operation ({@link GatewayContract}). Built once, on first use; the same for every caller.
 */
@ApplicationScoped
public class PublicApiDocument {

  private static final Logger LOG = Logger.getLogger(PublicApiDocument.class);

  @Inject RoutesConfig routes;
  @Inject PublicApiConfig config;
  @Inject OpenApiDocumentService ownDocument;
  @Inject ObjectMapper mapper;

  private volatile ObjectNode document;

  /** The merged document (a shared tree: do not change it). */
  public ObjectNode document() {
    ObjectNode built = document;
    if (built == null) {
      synchronized (this) {
        if (document == null) {
          document = build();
        }
        built = document;
      }
    }
    return built;
  }

  private ObjectNode build() {
    try {
      JsonNode own =
          mapper.readTree(
              ownDocument.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON));
      DocumentMerge merge = new DocumentMerge();
      merge.add(new DocumentMerge.Part(null, "", own, config.ownHiddenPaths()));
      Map<String, RoutesConfig.Route> sorted = new TreeMap<>(routes.routes());
      sorted.forEach(
          (name, route) -> {
            JsonNode service = serviceDocument(name);
            if (service != null) {
              String prefix = routes.basePath() + "/" + name;
              merge.add(new DocumentMerge.Part(name, prefix, service, route.hiddenPaths()));
            }
          });
      ObjectNode merged = mapper.createObjectNode();
      merged.put("openapi", own.path("openapi").asText("3.1.0"));
      merged.set("info", PublicApiInfo.of(own.path("info"), List.copyOf(sorted.keySet())));
      merge.writeTo(merged);
      new GatewayContract("/oauth/token")
          .apply(merged, path -> ReverseProxy.isRouted(routes, path));
      DocumentMerge.prune(merged);
      return merged;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode serviceDocument(String route) {
    String resource = config.serviceDocuments() + "/" + route + ".json";
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        LOG.warnf(
            "no OpenAPI document %s for route %s: its operations are not published",
            resource, route);
        return null;
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
