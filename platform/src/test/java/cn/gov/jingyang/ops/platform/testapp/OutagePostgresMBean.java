package cn.gov.jingyang.ops.platform.testapp;

/** Stop and restart of the outage test's private PostgreSQL, reachable from any class loader. */
public interface OutagePostgresMBean {
  void halt();

  void restart();
}
