package cn.gov.jingyang.ops.stack.demo;

/** The gateway answered what the story did not expect: which request, the status, the body. */
public final class DemoFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  DemoFailure(String what, int status, String body) {
    super(what + ": HTTP " + status + " " + body);
  }

  DemoFailure(String message) {
    super(message);
  }
}
