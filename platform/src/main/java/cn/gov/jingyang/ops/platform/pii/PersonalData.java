package cn.gov.jingyang.ops.platform.pii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data wherever it may leave the service (feeds, logs): national ID numbers as
 * {@code 510603********1234}, mobile phones as {@code 138****5678}. Fields are masked by name, and
 * any text is masked by pattern, so an ID number typed into free text is caught too. UUIDs in text
 * are left whole: one whose last group holds an 11-digit run such as {@code d13612345678} is an
 * identifier, not a phone, and masking it would corrupt the event ids, subjects and task ids of
 * feeds and logs.
 */
public final class PersonalData {

  /** 18-character resident ID: 17 digits and a check character (digit or X). */
  private static final Pattern ID_NUMBER =
      Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");

  /** Mainland mobile number, optionally with +86 / 86 prefix. */
  private static final Pattern MOBILE =
      Pattern.compile("(?<![0-9])((?:\\+?86[- ]?)?1[3-9]\\d)\\d{4}(\\d{4})(?![0-9])");

  /** A UUID anywhere in a text: its digits are never personal data. */
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private static final Set<String> ID_FIELDS =
      Set.of("nationalid", "nationalidnumber", "idnumber", "idcardnumber", "idcard");
  private static final Set<String> PHONE_FIELDS =
      Set.of("phone", "phonenumber", "mobile", "mobilephone", "contactphone", "telephone");

  private PersonalData() {}

  public static String maskIdNumber(String id) {
    if (id == null) {
      return null;
    }
    String s = id.trim();
    if (s.length() <= 10) {
      return "*".repeat(s.length());
    }
    return s.substring(0, 6) + "*".repeat(s.length() - 10) + s.substring(s.length() - 4);
  }

  public static String maskPhone(String phone) {
    if (phone == null) {
      return null;
    }
    String s = phone.trim();
    if (s.length() <= 7) {
      return "*".repeat(s.length());
    }
    return s.substring(0, s.length() - 8) + "****" + s.substring(s.length() - 4);
  }

  /** Masks every ID number and mobile number found in free text. */
  public static String maskText(String text) {
    return maskPhonesIn(maskIdNumbersIn(text));
  }

  /** Masks every ID number found in free text. */
  public static String maskIdNumbersIn(String text) {
    return text == null || text.length() < 11 ? text : replace(ID_NUMBER, text, "********");
  }

  /** Masks every mobile number found in free text. */
  public static String maskPhonesIn(String text) {
    return text == null || text.length() < 11 ? text : replace(MOBILE, text, "****");
  }

  public static boolean holdsIdNumber(String text) {
    return text != null && !maskIdNumbersIn(text).equals(text);
  }

  public static boolean holdsPhone(String text) {
    return text != null && !maskPhonesIn(text).equals(text);
  }

  /** Masks each match of {@code pattern} in the text outside the UUIDs it holds. */
  private static String replace(Pattern pattern, String text, String stars) {
    if (!pattern.matcher(text).find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    Matcher uuid = UUID_TEXT.matcher(text);
    int from = 0;
    while (uuid.find()) {
      replaceInto(out, pattern, text.substring(from, uuid.start()), stars);
      out.append(uuid.group());
      from = uuid.end();
    }
    replaceInto(out, pattern, text.substring(from), stars);
    return out.toString();
  }

  private static void replaceInto(StringBuilder out, Pattern pattern, String text, String stars) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + stars + m.group(2)));
    }
    m.appendTail(out);
  }

  /** A masked copy of a JSON tree; the input is left untouched. */
  public static JsonNode mask(JsonNode node) {
    if (node == null) {
      return null;
    }
    JsonNode copy = node.deepCopy();
    maskInPlace(copy, null);
    return copy;
  }

  private static JsonNode maskInPlace(JsonNode node, String fieldName) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode replaced = maskInPlace(field.getValue(), field.getKey());
        if (replaced != field.getValue()) {
          field.setValue(replaced);
        }
      }
      return object;
    }
    if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode replaced = maskInPlace(array.get(i), fieldName);
        if (replaced != array.get(i)) {
          array.set(i, replaced);
        }
      }
      return array;
    }
    if (node.isTextual()) {
      String key = fieldName == null ? "" : fieldName.toLowerCase().replace("_", "");
      String value = node.textValue();
      String masked =
          ID_FIELDS.contains(key)
              ? maskIdNumber(value)
              : PHONE_FIELDS.contains(key) ? maskPhone(value) : maskText(value);
      return masked.equals(value) ? node : TextNode.valueOf(masked);
    }
    return node;
  }
}
