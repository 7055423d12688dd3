package cn.gov.jingyang.ops.gateway.dashboard;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code GET /dashboard-config.json}: the dashboard's settings from the gateway's configuration,
 * next to the page's own files and, like them, without a token (they hold no data): {@code
 * tileUrl}, the map tile template or null.
 */
@ApplicationScoped
public class DashboardSettings {

  static final String PATH = "/dashboard-config.json";

  private final DashboardConfig config;

  public DashboardSettings(DashboardConfig config) {
    this.config = config;
  }

  void install(@Observes Router router) {
    router.get(PATH).handler(this::answer);
  }

  private void answer(RoutingContext ctx) {
    JsonObject settings =
        new JsonObject()
            .put("tileUrl", config.tileUrl().filter(url -> !url.isBlank()).orElse(null));
    ctx.response()
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-cache")
        .end(settings.encode());
  }
}
