package cn.gov.jingyang.ops.platform.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: never more than {@code size} items. */
@Schema(description = "One page of results")
public record Page<T>(
    @Schema(description = "The items of this page", maxItems = PageRequest.MAX_SIZE) List<T> items,
    @Schema(
            description = "Page number, from 0",
            example = "0",
            minimum = "0",
            maximum = "" + PageRequest.MAX_PAGE)
        int page,
    @Schema(
            description = "Page size actually used (requests above 200 are capped)",
            example = "50",
            minimum = "1",
            maximum = "" + PageRequest.MAX_SIZE)
        int size,
    @Schema(description = "Total matching items over all pages", example = "112", minimum = "0")
        long total) {

  public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
    return new Page<>(items, request.page(), request.size(), total);
  }

  public static <E, T> Page<T> of(
      List<E> rows, PageRequest request, long total, Function<E, T> view) {
    return of(rows.stream().map(view).toList(), request, total);
  }

  public <R> Page<R> map(Function<T, R> f) {
    return new Page<>(items.stream().map(f).toList(), page, size, total);
  }
}
