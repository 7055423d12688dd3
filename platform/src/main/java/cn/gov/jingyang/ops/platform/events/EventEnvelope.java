package cn.gov.jingyang.ops.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode. Besides the required attributes it carries the
 * extension attributes {@code traceparent} (W3C trace context) and {@code correlationid}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
    String specversion,
    UUID id,
    String source,
    String type,
    String subject,
    OffsetDateTime time,
    String datacontenttype,
    String dataschema,
    String traceparent,
    String correlationid,
    JsonNode data) {

  public static final String SPEC_VERSION = "1.0";
  public static final String JSON = "application/json";

  /**
   * The short event name: {@code ShiftStarted} for {@code cn.gov.jingyang.checkpoint.ShiftStarted}.
   */
  public String eventName() {
    int dot = type.lastIndexOf('.');
    return dot < 0 ? type : type.substring(dot + 1);
  }

  public EventEnvelope withData(JsonNode newData) {
    return new EventEnvelope(
        specversion,
        id,
        source,
        type,
        subject,
        time,
        datacontenttype,
        dataschema,
        traceparent,
        correlationid,
        newData);
  }
}
