package cn.gov.jingyang.ops.platform.gazetteer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the classpath gazetteer injectable in every service; read once at start. */
@ApplicationScoped
public class GazetteerConfiguration {

  @Produces
  @Singleton
  Gazetteer gazetteer() {
    return Gazetteer.load();
  }
}
