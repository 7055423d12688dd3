package cn.gov.jingyang.ops.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads and writes {@link EventEnvelope}s as CloudEvents structured JSON. */
@ApplicationScoped
public class EventCodec {

  private final ObjectMapper mapper;

  public EventCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public String write(EventEnvelope event) {
    try {
      return mapper.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  /** Parses and checks the required CloudEvents attributes; a bad record is refused with why. */
  public EventEnvelope read(String json) {
    EventEnvelope event;
    try {
      event = mapper.readValue(json, EventEnvelope.class);
    } catch (JsonProcessingException e) {
      throw new MalformedEventException(
          "not a CloudEvents JSON document: " + e.getOriginalMessage());
    }
    if (!EventEnvelope.SPEC_VERSION.equals(event.specversion())
        || event.id() == null
        || isBlank(event.source())
        || isBlank(event.type())) {
      throw new MalformedEventException("CloudEvent lacks specversion 1.0, id, source or type");
    }
    return event;
  }

  public JsonNode toJson(Object data) {
    return mapper.valueToTree(data);
  }

  public <T> T data(EventEnvelope event, Class<T> type) {
    try {
      return mapper.treeToValue(event.data(), type);
    } catch (JsonProcessingException e) {
      throw new MalformedEventException(
          "data of "
              + event.type()
              + " does not match "
              + type.getSimpleName()
              + ": "
              + e.getOriginalMessage());
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** A record that cannot be an event at all: retrying will not help. */
  public static class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
      super(message);
    }
  }
}
