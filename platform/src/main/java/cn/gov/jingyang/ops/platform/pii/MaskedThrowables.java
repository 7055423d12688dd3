package cn.gov.jingyang.ops.platform.pii;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A copy of a thrown exception with personal data masked in the messages of the whole chain (causes
 * and suppressed ones), for the log: a PostgreSQL error quoting a row carries ID numbers.
 *
 * <p>The copy keeps the classes, so a pattern's {@code %e} and the JSON formatter's {@code
 * exceptionType} name the real exception: it is the exception serialised and read back in memory
 * with every string masked on the way (the classes are those just written, nothing else is
 * resolved). An exception that cannot be serialised becomes a {@link MaskedException} chain that
 * prints the original class names and stack traces.
 */
final class MaskedThrowables {

  private MaskedThrowables() {}

  /** The exception itself when it holds nothing to mask, otherwise a masked copy. */
  static Throwable mask(Throwable thrown) {
    if (thrown == null || !holdsPersonalData(thrown)) {
      return thrown;
    }
    try {
      Throwable copy = serialisedCopy(thrown);
      if (!holdsPersonalData(copy)) {
        return copy;
      }
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      // not serialisable (a field of it): the substitute below
    }
    return MaskedException.of(thrown, new IdentityHashMap<>());
  }

  static boolean holdsPersonalData(Throwable thrown) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    return holdsPersonalData(thrown, seen);
  }

  private static boolean holdsPersonalData(Throwable t, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return false;
    }
    String text = t.toString();
    if (!text.equals(PersonalData.maskText(text))) {
      return true;
    }
    for (Throwable suppressed : t.getSuppressed()) {
      if (holdsPersonalData(suppressed, seen)) {
        return true;
      }
    }
    return holdsPersonalData(t.getCause(), seen);
  }

  private static Throwable serialisedCopy(Throwable thrown)
      throws IOException, ClassNotFoundException {
    Map<String, Class<?>> written = new HashMap<>();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out =
        new ObjectOutputStream(bytes) {
          @Override
          protected void annotateClass(Class<?> type) {
            written.put(type.getName(), type);
          }
        }) {
      out.writeObject(thrown);
    }
    try (ObjectInputStream in = new MaskingInput(bytes.toByteArray(), written)) {
      return (Throwable) in.readObject();
    }
  }

  /** Reads back only the classes just written, masking every string it reads. */
  private static final class MaskingInput extends ObjectInputStream {
    private final Map<String, Class<?>> written;

    MaskingInput(byte[] bytes, Map<String, Class<?>> written) throws IOException {
      super(new ByteArrayInputStream(bytes));
      this.written = written;
      enableResolveObject(true);
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass descriptor) throws ClassNotFoundException {
      Class<?> type = written.get(descriptor.getName());
      if (type == null) {
        throw new ClassNotFoundException(descriptor.getName());
      }
      return type;
    }

    @Override
    protected Class<?> resolveProxyClass(String[] interfaces) throws ClassNotFoundException {
      throw new ClassNotFoundException("proxy");
    }

    @Override
    protected Object resolveObject(Object read) {
      return read instanceof String text ? PersonalData.maskText(text) : read;
    }
  }

  /**
   * Stands for an exception that could not be copied: its class name, masked message, stack trace.
   */
  static final class MaskedException extends RuntimeException {
    private final String originalClass;

    private MaskedException(Throwable original) {
      super(PersonalData.maskText(original.getMessage()));
      this.originalClass = original.getClass().getName();
      setStackTrace(original.getStackTrace());
    }

    static Throwable of(Throwable original, Map<Throwable, Throwable> copies) {
      if (original == null) {
        return null;
      }
      Throwable known = copies.get(original);
      if (known != null) {
        return known;
      }
      MaskedException copy = new MaskedException(original);
      copies.put(original, copy);
      Throwable cause = of(original.getCause(), copies);
      if (cause != null) {
        copy.initCause(cause);
      }
      for (Throwable suppressed : original.getSuppressed()) {
        copy.addSuppressed(of(suppressed, copies));
      }
      return copy;
    }

    String originalClass() {
      return originalClass;
    }

    @Override
    public String toString() {
      String message = getLocalizedMessage();
      return message == null ? originalClass : originalClass + ": " + message;
    }
  }
}
