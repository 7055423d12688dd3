package cn.gov.jingyang.ops.gateway.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * RSA keys in PEM: a private key in PKCS#8 ({@code BEGIN PRIVATE KEY}), a public key in X.509
 * ({@code BEGIN PUBLIC KEY}), given inline or by location ({@code classpath:...}, {@code file:...}
 * or a file path).
 */
public final class PemKeys {

  private PemKeys() {}

  /**
   * The PEM text a setting holds: the value itself when it is PEM, else what its location holds.
   */
  public static String read(String valueOrLocation) {
    String value = valueOrLocation.trim();
    if (value.contains("-----BEGIN")) {
      return value;
    }
    try {
      if (value.startsWith("classpath:")) {
        String resource = value.substring("classpath:".length()).replaceFirst("^/+", "");
        try (InputStream in =
            Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
          if (in == null) {
            throw new IllegalArgumentException("no classpath resource " + resource);
          }
          return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
      }
      Path file = value.startsWith("file:") ? Path.of(java.net.URI.create(value)) : Path.of(value);
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the key at " + value, e);
    }
  }

  /** The private key of a PKCS#8 PEM; it must be an RSA key with its CRT parameters. */
  public static RSAPrivateCrtKey privateKey(String pem) {
    try {
      return (RSAPrivateCrtKey)
          KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException("not an RSA private key in PKCS#8 PEM", e);
    }
  }

  /** The public key of a PEM: a public key as it is, or the public half of a private key. */
  public static RSAPublicKey publicKey(String pem) {
    if (pem.contains("PRIVATE KEY")) {
      return publicHalf(privateKey(pem));
    }
    try {
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException("not an RSA public key in X.509 PEM", e);
    }
  }

  public static RSAPublicKey publicHalf(RSAPrivateCrtKey key) {
    try {
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] der(String pem) {
    return Base64.getDecoder()
        .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
  }
}
