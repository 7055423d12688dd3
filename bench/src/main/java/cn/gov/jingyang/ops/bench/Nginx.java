package cn.gov.jingyang.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * nginx (Debian package {@code nginx-light}) as a plain reverse proxy in front of one upstream:
 * keep-alive to the upstream, no access log, one worker per core; its own prefix under
 * bench/target, in the foreground as a child of the benchmark.
 */
final class Nginx implements AutoCloseable {

  private final Process process;
  private final int port;

  private Nginx(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static Nginx proxy(Path prefix, int port, int upstreamPort)
      throws IOException, InterruptedException {
    Debian.ensureInstalled("nginx", "nginx-light");
    Files.createDirectories(prefix.resolve("logs"));
    Files.createDirectories(prefix.resolve("temp"));
    Path conf = prefix.resolve("nginx.conf");
    Files.writeString(
        conf,
        """
        daemon off;
        master_process on;
        worker_processes auto;
        pid %1$s/nginx.pid;
        error_log %1$s/logs/error.log warn;
        events { worker_connections 1024; }
        http {
          access_log off;
          client_body_temp_path %1$s/temp/body;
          proxy_temp_path %1$s/temp/proxy;
          fastcgi_temp_path %1$s/temp/fastcgi;
          uwsgi_temp_path %1$s/temp/uwsgi;
          scgi_temp_path %1$s/temp/scgi;
          upstream service { server 127.0.0.1:%3$d; keepalive 64; }
          server {
            listen 127.0.0.1:%2$d;
            location / {
              proxy_pass http://service;
              proxy_http_version 1.1;
              proxy_set_header Connection "";
              proxy_set_header Host $host;
            }
          }
        }
        """
            .formatted(prefix.toAbsolutePath(), port, upstreamPort));
    Process nginx =
        new ProcessBuilder(
                List.of(
                    "nginx",
                    "-p",
                    prefix.toAbsolutePath().toString(),
                    "-e",
                    prefix.resolve("logs/error.log").toAbsolutePath().toString(),
                    "-c",
                    conf.toAbsolutePath().toString()))
            .redirectErrorStream(true)
            .redirectOutput(prefix.resolve("logs/nginx.out").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (cn.gov.jingyang.ops.infra.FreePorts.isFree(port)) { // until nginx listens
      if (!nginx.isAlive() || System.nanoTime() > deadline) {
        nginx.destroy();
        throw new IllegalStateException(
            "nginx did not start: " + Files.readString(prefix.resolve("logs/nginx.out")));
      }
      Thread.sleep(100);
    }
    return new Nginx(nginx, port);
  }

  /** The master and its workers. */
  List<ProcessHandle> processes() {
    List<ProcessHandle> all = new java.util.ArrayList<>(List.of(process.toHandle()));
    process.descendants().forEach(all::add);
    return all;
  }

  int port() {
    return port;
  }

  /** SIGTERM to the master (it stops its workers), then forcibly after 10 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
