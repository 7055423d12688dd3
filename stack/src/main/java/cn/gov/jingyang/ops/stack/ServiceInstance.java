package cn.gov.jingyang.ops.stack;

import cn.gov.jingyang.ops.infra.ServiceCatalog;

/** One process of a service in the stack: instance {@code n}, counted from 0. */
record ServiceInstance(ServiceCatalog.Service service, int n) {

  /** {@code checkpoint} for the first instance, {@code checkpoint-2} for the second... */
  String label() {
    return service.name() + (n == 0 ? "" : "-" + (n + 1));
  }
}
