package cn.gov.jingyang.ops.platform.health;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Ready only while the service's database answers. Replaces Quarkus' own datasource check ({@code
 * quarkus.datasource.health.enabled=false}), whose data carries the driver's error text — host and
 * port included — to anyone who asks: here the status alone, the reason in the log.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(DatabaseReadinessCheck.class);
  private static final int VALIDATION_TIMEOUT_SECONDS = 3;

  private final AgroalDataSource dataSource;

  public DatabaseReadinessCheck(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public HealthCheckResponse call() {
    try (Connection connection = dataSource.getConnection()) {
      return HealthCheckResponse.named("database")
          .status(connection.isValid(VALIDATION_TIMEOUT_SECONDS))
          .build();
    } catch (Exception e) {
      LOG.warnf("readiness: the database does not answer: %s", e.toString());
      return HealthCheckResponse.down("database");
    }
  }
}
