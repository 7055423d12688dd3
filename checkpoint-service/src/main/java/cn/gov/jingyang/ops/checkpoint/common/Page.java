package cn.gov.jingyang.ops.checkpoint.common;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: {@code ?page=0&size=50}; size is capped at 200, never refused. */
@Schema(description = "A page of results")
public record Page<T>(
    @Schema(description = "the items of this page") List<T> items,
    @Schema(description = "zero-based page number", example = "0") int page,
    @Schema(description = "page size actually used (at most 200)", example = "50") int size,
    @Schema(description = "number of items over all pages", example = "123") long total) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;

  public <R> Page<R> map(Function<T, R> f) {
    return new Page<>(items.stream().map(f).toList(), page, size, total);
  }

  /** The requested page and size, made safe: negative page → 0, size in 1..200. */
  public record Request(int page, int size) {
    public static Request of(Integer page, Integer size) {
      int p = page == null || page < 0 ? 0 : page;
      int s = size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
      return new Request(p, s);
    }

    public io.quarkus.panache.common.Page panache() {
      return io.quarkus.panache.common.Page.of(page, size);
    }
  }
}
