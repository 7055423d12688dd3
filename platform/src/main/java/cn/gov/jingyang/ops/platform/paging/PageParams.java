package cn.gov.jingyang.ops.platform.paging;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The page a list request asks for, {@code ?page=&size=}, declared once for every paged list (a
 * resource takes it as a {@code @BeanParam}): the documented bounds, and the platform's rule from
 * {@link PageRequest} — a negative page is the first, a larger size is capped, never refused.
 */
public class PageParams {

  @QueryParam("page")
  @Parameter(
      description = "Page from 0; a negative page is the first",
      schema =
          @Schema(
              type = SchemaType.INTEGER,
              format = "int32",
              minimum = "0",
              maximum = "" + PageRequest.MAX_PAGE))
  Integer page;

  @QueryParam("size")
  @Parameter(
      description = "Page size, default 50; a larger size is capped at 200, never refused",
      schema =
          @Schema(
              type = SchemaType.INTEGER,
              format = "int32",
              minimum = "1",
              maximum = "" + PageRequest.MAX_SIZE))
  Integer size;

  public PageRequest request() {
    return PageRequest.of(page, size);
  }
}
