package cn.gov.jingyang.ops.personnel.common;

import cn.gov.jingyang.ops.personnel.config.PersonnelConfig;
import io.quarkus.panache.common.Page;

/** A requested page, normalised: negative pages become 0, sizes are capped, never refused. */
public record PageRequest(int page, int size) {

  public static PageRequest of(Integer page, Integer size, PersonnelConfig.Paging paging) {
    int p = page == null || page < 0 ? 0 : page;
    int s = size == null || size < 1 ? paging.defaultSize() : Math.min(size, paging.maxSize());
    return new PageRequest(p, s);
  }

  public Page panache() {
    return Page.of(page, size);
  }

  public int offset() {
    return page * size;
  }
}
