package cn.gov.jingyang.ops.platform.testapp;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Plain router routes (no JAX-RS) that fail the way router handlers fail. */
@ApplicationScoped
public class RouterRoutes {

  void install(@Observes Router router) {
    router
        .route("/test/router/boom")
        .handler(
            ctx -> {
              throw new IllegalStateException("secret internal detail: jdbc:postgresql://db");
            });
    router.route("/test/router/refused").handler(ctx -> ctx.fail(400));
    router
        .route("/test/router/get-only")
        .method(HttpMethod.GET)
        .handler(ctx -> ctx.response().end("ok"));
  }
}
