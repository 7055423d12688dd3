package cn.gov.jingyang.ops.checkpoint.inspection;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mainland vehicle plates: province abbreviation, issuing-authority letter, then 5 alphanumerics (6
 * for new-energy vehicles). {@code 川F·12345}, {@code 川f 12345} and {@code 川F12345} all normalise to
 * {@code 川F12345}.
 */
public final class PlateNumber {

  private static final String PROVINCES = "京津沪滬渝冀豫云雲辽遼黑湘皖鲁魯新苏蘇浙赣贛鄂桂甘晋晉蒙陕陝吉闽閩贵貴粤粵青藏川宁寧琼瓊";
  private static final Pattern PLATE =
      Pattern.compile("^([" + PROVINCES + "])([A-Z])[·•.\\-\\s]?([A-Z0-9]{5,6})$");

  private PlateNumber() {}

  /** The normalised plate, or empty when the text is not a mainland plate. */
  public static Optional<String> normalise(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = PLATE.matcher(text.trim().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(m.group(1) + m.group(2) + m.group(3));
  }
}
