package cn.gov.jingyang.ops.personnel.common;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: never more than {@code size} items. */
@Schema(description = "One page of results")
public record Paged<T>(
    @Schema(description = "The items of this page") List<T> items,
    @Schema(description = "Page number, from 0", example = "0") int page,
    @Schema(description = "Page size actually used (requests above 200 are capped)", example = "50") int size,
    @Schema(description = "Total matching items over all pages", example = "112") long total) {

  public static <E, T> Paged<T> of(List<E> rows, PageRequest request, long total, Function<E, T> view) {
    return new Paged<>(rows.stream().map(view).toList(), request.page(), request.size(), total);
  }
}
