package cn.gov.jingyang.ops.personnel.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** The part of checkpoint-service's CheckpointStatusChanged event this service uses. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckpointStatusData(UUID checkpointId, String status) {

  boolean closed() {
    return "CLOSED".equals(status);
  }
}
