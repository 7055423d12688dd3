package cn.gov.jingyang.ops.infra;

/**
 * Entry point of the Kafka broker process. It runs {@code kafka.Kafka} and exits when its standard
 * input closes, which happens when the process that started it dies, however it died: no orphan
 * broker outlives a killed test run or launcher.
 */
public final class BrokerMain {

  private BrokerMain() {}

  public static void main(String[] args) throws Exception {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                while (System.in.read() >= 0) {
                  // the parent never writes; end of stream means it is gone
                }
              } catch (java.io.IOException ignored) {
                // treat as gone
              }
              System.exit(0);
            },
            "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) args);
  }
}
