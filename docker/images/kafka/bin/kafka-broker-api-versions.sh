#!/bin/bash
# kafka-broker-api-versions.sh --bootstrap-server HOST:PORT — exits 0 when the broker answers a
# Kafka ApiVersions request (v0) without error. The subset the health checks need, in bash
# (/dev/tcp): no JVM start every few seconds.
server=localhost:9092
while [ $# -gt 0 ]; do
  case "$1" in --bootstrap-server) server=$2; shift ;; esac
  shift
done
host=${server%:*} port=${server##*:}
exec 3<> "/dev/tcp/$host/$port" 2> /dev/null || { echo "no connection to $server" >&2; exit 1; }
# size 10 | api key 18 (ApiVersions) | version 0 | correlation id 7 | client id: null
printf '\x00\x00\x00\x0a\x00\x12\x00\x00\x00\x00\x00\x07\xff\xff' >&3
reply=$(timeout 5 head -c 10 <&3 | od -An -tx1 | tr -d ' \n')
exec 3>&-
# size (4 bytes) | correlation id 7 | error code 0
if [ "${reply:8:12}" = 000000070000 ]; then
  echo "$server: ApiVersions answered"
else
  echo "$server: no ApiVersions answer (${reply:-nothing})" >&2
  exit 1
fi
