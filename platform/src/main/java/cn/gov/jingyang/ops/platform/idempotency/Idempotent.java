package cn.gov.jingyang.ops.platform.idempotency;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method (a POST that creates or changes something) as honouring the {@code
 * Idempotency-Key} request header: the first response is stored with the key, in the transaction of
 * the change, and a retry with the same key and request gets it again instead of a second change.
 * Without the header the method behaves as if it were not annotated. The header appears as an
 * optional parameter of the operation in the OpenAPI document.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {

  /** The request header. */
  String HEADER = "Idempotency-Key";

  /** Set to {@code true} on a response that was stored earlier and is answered again. */
  String REPLAYED_HEADER = "Idempotent-Replayed";
}
