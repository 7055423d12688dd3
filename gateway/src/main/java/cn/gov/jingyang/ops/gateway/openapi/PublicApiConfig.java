package cn.gov.jingyang.ops.gateway.openapi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** The merged public OpenAPI document at {@code /api/v1/openapi}. */
@ConfigMapping(prefix = "ops.gateway.openapi")
public interface PublicApiConfig {

  /**
   * Paths of the gateway's own document that are not public: the platform's internals of the
   * gateway itself (its outbox, dead letters, event feed) and Quarkus' {@code /q}.
   */
  @WithDefault("/events,/admin/outbox,/admin/dead-letters,/q")
  List<String> ownHiddenPaths();

  /** Classpath folder holding {@code <route>.json}, each route's service document. */
  @WithDefault("openapi")
  String serviceDocuments();
}
