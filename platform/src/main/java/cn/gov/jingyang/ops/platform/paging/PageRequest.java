package cn.gov.jingyang.ops.platform.paging;

import cn.gov.jingyang.ops.platform.problem.ProblemException;

/**
 * A requested page ({@code ?page=0&size=50}), made safe: a negative page is the first, a missing or
 * non-positive size the default, and a size above {@link #MAX_SIZE} is capped — never refused. A
 * page so far out that its offset would not fit in an {@code int} is a 400 naming {@code page}.
 */
public record PageRequest(int page, int size) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;

  /** The last page whose first row can be addressed, whatever the size. */
  public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE - 1;

  public PageRequest {
    if (page < 0 || size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("page " + page + " of size " + size + " is out of bounds");
    }
    if (page > MAX_PAGE) {
      throw ProblemException.badRequest("page", "at most " + MAX_PAGE);
    }
  }

  public static PageRequest of(Integer page, Integer size) {
    int p = page == null || page < 0 ? 0 : page;
    int s = size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    return new PageRequest(p, s);
  }

  public io.quarkus.panache.common.Page panache() {
    return io.quarkus.panache.common.Page.of(page, size);
  }

  public int offset() {
    return Math.multiplyExact(page, size);
  }
}
