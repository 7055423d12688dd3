package cn.gov.jingyang.ops.platform.correlation;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** HTTP header → MDC on the way in; the correlation id echoed on the way out. */
public class CorrelationFilters {

  @ServerRequestFilter(preMatching = true)
  public void enter(ContainerRequestContext request) {
    TraceContext.enter(
        request.getHeaderString(TraceContext.CORRELATION_HEADER),
        request.getHeaderString(TraceContext.TRACEPARENT_HEADER));
  }

  @ServerResponseFilter
  public void echo(ContainerResponseContext response) {
    String id = TraceContext.correlationId();
    if (id != null) {
      response.getHeaders().putSingle(TraceContext.CORRELATION_HEADER, id);
      response.getHeaders().putSingle(TraceContext.TRACEPARENT_HEADER, TraceContext.traceparent());
    }
  }
}
