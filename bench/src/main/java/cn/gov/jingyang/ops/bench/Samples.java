package cn.gov.jingyang.ops.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles of measured values (nearest rank), and the median of per-round figures. */
final class Samples {

  private Samples() {}

  /** The {@code p}-th percentile (0–100) by nearest rank; NaN without values. */
  static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static double median(List<Double> values) {
    return values.isEmpty() ? Double.NaN : ImportBenchmark.median(values);
  }

  /** "1.2, 1.4, 1.3" — the rounds behind a median, as printed in the report. */
  static String rounds(List<Double> values, String format) {
    return String.join(", ", values.stream().map(v -> String.format(format, v)).toList());
  }
}
