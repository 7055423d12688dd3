package cn.gov.jingyang.ops.system.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jingyang.ops.stack.Suite;
import cn.gov.jingyang.ops.stack.demo.Demo;
import cn.gov.jingyang.ops.system.SystemStack;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The README's walkthrough, as a newcomer pastes it: its bash block (between the {@code
 * walkthrough:begin} and {@code walkthrough:end} markers) run by bash against the system stack
 * after the demo load; every {@code curl -f} must answer 2xx, and each numbered step must show what
 * the README says it shows.
 */
@Tag("own-stack")
class WalkthroughTest {

  private static final Pattern BLOCK =
      Pattern.compile(
          "<!-- walkthrough:begin -->\\s*```bash\\n(.*?)```\\s*<!-- walkthrough:end -->",
          Pattern.DOTALL);
  private static final Pattern STEP = Pattern.compile("(?m)^# (\\d)\\. ");

  @Test
  void everyCommandOfTheReadmeWalkthroughAnswersWhatItDescribes() throws Exception {
    SystemStack stack = SystemStack.get();
    Demo.load(URI.create(stack.gateway()), Suite.DEMO_CLIENT_ID, Suite.DEMO_CLIENT_SECRET);

    String script = walkthrough();
    assertThat(STEP.matcher(script).results().count()).isEqualTo(5);
    // a marker line before each numbered step, to tell their outputs apart
    String marked = STEP.matcher(script).replaceAll("echo '### step $1'\n# $1. ");
    Path file = Files.createTempFile("walkthrough", ".sh");
    Files.writeString(file, "set -euo pipefail\n" + marked, StandardCharsets.UTF_8);
    ProcessBuilder bash = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true);
    bash.environment().put("GW", stack.gateway());
    Process process = bash.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();

    List<String> steps = steps(output);
    assertThat(steps).as(output).hasSize(5);
    assertThat(steps.get(0))
        .contains("\"checkpointsActive\": 4", "\"CONCEALMENT_OF_EXPOSURE\": 1", "\"onDuty\": 2");
    assertThat(steps.get(1)).contains("\"overdue\": true", "CHECKPOINT_FLAG");
    assertThat(steps.get(2))
        .contains("CRIMINAL_CASE_FILED", "\"confirmedInfections\": 1", "妨害傳染病防治罪");
    assertThat(steps.get(3)).contains("\"nextCursor\"", "\"types\"");
    assertThat(steps.get(4))
        .contains("\"flagged\": true", "FROM_RISK_REGION", "\"flaggedCount\": 1");
  }

  private static String walkthrough() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    Matcher block = BLOCK.matcher(readme);
    assertThat(block.find()).as("the README's walkthrough block").isTrue();
    return block.group(1);
  }

  private static List<String> steps(String output) {
    List<String> steps = new ArrayList<>();
    String[] parts = output.split("### step \\d\\n");
    for (int i = 1; i < parts.length; i++) {
      steps.add(parts[i]);
    }
    return steps;
  }
}
