package cn.gov.jingyang.ops.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What a client was answered: status, body as sent, and the headers that describe the created
 * resource (Location, ETag, Content-Type). The body is kept as the exact JSON text, so a replay is
 * byte for byte the first answer.
 */
record StoredResponse(int status, String contentType, String location, String etag, String body) {

  /** The result of a resource method (a Response, an entity, or nothing) as it will be sent. */
  static StoredResponse of(Object result, ObjectMapper json) throws JsonProcessingException {
    int status;
    Object entity;
    MediaType type = null;
    String location = null;
    String etag = null;
    if (result instanceof Response response) {
      status = response.getStatus();
      entity = response.hasEntity() ? response.getEntity() : null;
      type = response.getMediaType();
      location = response.getHeaderString(HttpHeaders.LOCATION);
      etag = response.getHeaderString(HttpHeaders.ETAG);
    } else {
      status = result == null ? 204 : 200;
      entity = result;
    }
    String body =
        entity == null
            ? null
            : entity instanceof String text ? text : json.writeValueAsString(entity);
    String contentType =
        body == null ? null : type != null ? type.toString() : MediaType.APPLICATION_JSON;
    return new StoredResponse(status, contentType, location, etag, body);
  }

  boolean successful() {
    return status < 400;
  }

  /** The response to send; {@code replayed} marks an answer given again. */
  Response toResponse(boolean replayed) {
    Response.ResponseBuilder builder = Response.status(status);
    if (body != null) {
      builder.entity(body).type(contentType);
    }
    if (location != null) {
      builder.header(HttpHeaders.LOCATION, location);
    }
    if (etag != null) {
      builder.header(HttpHeaders.ETAG, etag);
    }
    if (replayed) {
      builder.header(Idempotent.REPLAYED_HEADER, "true");
    }
    return builder.build();
  }
}
