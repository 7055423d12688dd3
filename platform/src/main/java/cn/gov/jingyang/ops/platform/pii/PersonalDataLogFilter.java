package cn.gov.jingyang.ops.platform.pii;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Masks ID numbers and phone numbers in every log message before it is written, and in the messages
 * of the exception logged with it, its causes and suppressed exceptions — whatever the format,
 * pattern ({@code %e}) or JSON ({@code quarkus.log.console.filter=personal-data-mask}, set by the
 * platform's defaults).
 */
@LoggingFilter(name = "personal-data-mask")
public final class PersonalDataLogFilter implements Filter {

  @Override
  public boolean isLoggable(LogRecord record) {
    record.setThrown(MaskedThrowables.mask(record.getThrown()));
    String formatted =
        record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
    if (formatted == null) {
      return true;
    }
    String masked = PersonalData.maskText(formatted);
    if (!masked.equals(formatted)) {
      if (record instanceof ExtLogRecord ext) {
        ext.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
      } else {
        record.setMessage(masked);
      }
      record.setParameters(null);
    }
    return true;
  }
}
