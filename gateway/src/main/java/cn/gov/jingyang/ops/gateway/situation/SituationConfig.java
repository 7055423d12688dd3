package cn.gov.jingyang.ops.gateway.situation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which route answers each section of the daily situation report. A section is fetched from its
 * route's upstream ({@code ops.gateway.routes.<route>.upstream}) with the route's timeout: the
 * addresses are the routes', never configured twice.
 */
@ConfigMapping(prefix = "ops.gateway.situation")
public interface SituationConfig {

  /** The route whose service answers the checkpoint section. */
  @WithDefault("checkpoint")
  String checkpointRoute();

  /** The route whose service answers the case section. */
  @WithDefault("case")
  String caseRoute();

  /** The route whose service answers the personnel section. */
  @WithDefault("personnel")
  String personnelRoute();
}
