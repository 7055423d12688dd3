package cn.gov.jingyang.ops.platform.paging;

/**
 * A requested page ({@code ?page=0&size=50}), made safe: a negative page is the first, a missing
 * or non-positive size the default, and a size above {@link #MAX_SIZE} is capped — never refused.
 */
public record PageRequest(int page, int size) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;

  public static PageRequest of(Integer page, Integer size) {
    int p = page == null || page < 0 ? 0 : page;
    int s = size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    return new PageRequest(p, s);
  }

  public io.quarkus.panache.common.Page panache() {
    return io.quarkus.panache.common.Page.of(page, size);
  }

  public int offset() {
    return page * size;
  }
}
