package cn.gov.jingyang.ops.platform.pii;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.json.runtime.JsonFormatter;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import org.jboss.logging.Logger;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * What the console log of a service shows when an exception holding personal data is logged: the
 * console handler Quarkus configured (pattern with {@code %e}, and the JSON formatter of {@code
 * quarkus.log.console.json.enabled=true}), its output captured.
 */
@QuarkusTest
class MaskedExceptionLogTest {

  private static final Logger LOG = Logger.getLogger(MaskedExceptionLogTest.class);
  private static final List<String> IN_CLEAR =
      List.of("510603199001011234", "13812345678", "13900001111", "13700002222");

  @Test
  void shouldMaskTheExceptionItsCauseAndSuppressedOnesInThePatternLog() {
    String marker = UUID.randomUUID().toString();
    String log = captureConsole(null, () -> LOG.error("registration failed " + marker, failure()));
    String lines = linesFrom(log, marker);

    IN_CLEAR.forEach(clear -> assertThat(lines).doesNotContain(clear));
    assertThat(lines)
        .contains(
            "java.lang.IllegalStateException: could not register the person with phone 138****5678")
        .contains("Caused by: org.postgresql.util.PSQLException: ERROR: duplicate key value")
        .contains("Key (national_id)=(510603********1234) already exists")
        .contains("Suppressed: java.io.IOException: rollback failed, callback 139****1111")
        .contains("at " + MaskedExceptionLogTest.class.getName() + ".failure(");
  }

  @Test
  void shouldMaskTheExceptionChainInTheJsonLogKeepingTheExceptionTypes() throws Exception {
    String marker = UUID.randomUUID().toString();
    String log =
        captureConsole(
            new JsonFormatter(), () -> LOG.error("registration failed " + marker, failure()));
    String line = linesFrom(log, marker);

    IN_CLEAR.forEach(clear -> assertThat(line).doesNotContain(clear));
    JsonNode exception = new ObjectMapper().readTree(line).get("exception");
    assertThat(exception.get("exceptionType").asText())
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(exception.get("message").asText())
        .isEqualTo("could not register the person with phone 138****5678");
    JsonNode cause = exception.at("/causedBy/exception");
    assertThat(cause.get("exceptionType").asText()).isEqualTo(PSQLException.class.getName());
    assertThat(cause.get("message").asText()).contains("(510603********1234)");
  }

  @Test
  void shouldMaskAnExceptionThatCannotBeCopiedKeepingItsClassNameAndStackTrace() {
    String marker = UUID.randomUUID().toString();
    String log =
        captureConsole(
            null,
            () ->
                LOG.warn(
                    "lookup failed " + marker, new Uncopyable("no match for 510603199001011234")));
    String lines = linesFrom(log, marker);

    assertThat(lines)
        .doesNotContain("510603199001011234")
        .contains(Uncopyable.class.getName() + ": no match for 510603********1234")
        .contains("at " + MaskedExceptionLogTest.class.getName());
  }

  @Test
  void shouldLeaveTheLoggedExceptionItselfUntouched() {
    IllegalStateException failure = failure();
    captureConsole(null, () -> LOG.error("registration failed", failure));
    assertThat(failure.getMessage()).contains("13812345678");
    assertThat(failure.getCause().getMessage()).contains("510603199001011234");
  }

  /** A PostgreSQL unique-key error quoting the row, as a repository would let it through. */
  private static IllegalStateException failure() {
    PSQLException database =
        new PSQLException(
            "ERROR: duplicate key value violates unique constraint \"person_national_id_key\"\n"
                + "  Detail: Key (national_id)=(510603199001011234) already exists.",
            PSQLState.UNIQUE_VIOLATION);
    database.addSuppressed(new IOException("rollback failed, callback 13900001111"));
    IllegalStateException failure =
        new IllegalStateException("could not register the person with phone 13812345678", database);
    failure.addSuppressed(new IOException("rollback failed, callback 13700002222"));
    return failure;
  }

  /** Not serialisable (a field that is not): masked through a stand-in. */
  static final class Uncopyable extends RuntimeException {
    @SuppressWarnings("unused")
    private final transient Object lock = new Object();

    private final Thread owner = Thread.currentThread();

    Uncopyable(String message) {
      super(message);
    }
  }

  /** The lines of the captured output from the one holding the marker to the next log line. */
  private static String linesFrom(String log, String marker) {
    List<String> lines = Arrays.asList(log.split("\n"));
    int first = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(marker)) {
        first = i;
        break;
      }
    }
    assertThat(first).as("the log line with %s in:%n%s", marker, log).isNotNegative();
    StringBuilder out = new StringBuilder(lines.get(first)).append('\n');
    for (int i = first + 1;
        i < lines.size() && !lines.get(i).matches("^(\\d{4}-\\d{2}-\\d{2} |\\{).*");
        i++) {
      out.append(lines.get(i)).append('\n');
    }
    return out.toString();
  }

  /**
   * Runs {@code logging} with the real console handler writing into a buffer (and, if given,
   * another formatter).
   */
  private static String captureConsole(Formatter formatter, Runnable logging) {
    ConsoleHandler console = consoleHandler();
    Formatter configured = console.getFormatter();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    console.setOutputStream(out);
    if (formatter != null) {
      console.setFormatter(formatter);
    }
    try {
      logging.run();
      console.flush();
    } finally {
      console.setFormatter(configured);
      console.setTarget(ConsoleHandler.Target.SYSTEM_OUT);
    }
    return out.toString(UTF_8);
  }

  private static ConsoleHandler consoleHandler() {
    Deque<Handler> handlers =
        new ArrayDeque<>(Arrays.asList(LogContext.getLogContext().getLogger("").getHandlers()));
    while (!handlers.isEmpty()) {
      Handler handler = handlers.pop();
      if (handler instanceof ConsoleHandler console) {
        return console;
      }
      if (handler instanceof ExtHandler parent) {
        handlers.addAll(Arrays.asList(parent.getHandlers()));
      }
    }
    throw new AssertionError("Quarkus configured no console handler");
  }
}
