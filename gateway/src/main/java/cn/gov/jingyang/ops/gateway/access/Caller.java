package cn.gov.jingyang.ops.gateway.access;

import java.util.Set;

/**
 * Who sent a request, as far as the gateway knows: the subject and roles of a token whose
 * signature, issuer and expiry were checked, or an anonymous caller known only by its address.
 */
public record Caller(String subject, Set<String> roles, boolean authenticated) {

  public static Caller anonymous(String address) {
    return new Caller(address, Set.of(), false);
  }
}
