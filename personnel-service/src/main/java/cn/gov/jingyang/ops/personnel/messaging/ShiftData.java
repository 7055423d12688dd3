package cn.gov.jingyang.ops.personnel.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The part of checkpoint-service's ShiftStarted / ShiftEnded data this service uses. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ShiftData(
    UUID shiftId,
    UUID checkpointId,
    OffsetDateTime start,
    OffsetDateTime end,
    List<Member> members) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Member(UUID personId, String role) {}
}
