#!/bin/bash
# Writes /opt/kafka/config/server.properties from the environment (KAFKA_FOO_BAR=x → foo.bar=x;
# "__" → "_", "___" → "-"; defaults: one combined broker+controller node on localhost), formats
# the log directory on first start (CLUSTER_ID, or a fixed default), then runs the broker.
set -euo pipefail
config=/opt/kafka/config/server.properties
declare -A props=(
  [process.roles]=broker,controller
  [node.id]=1
  [controller.quorum.voters]=1@localhost:9093
  [listeners]=PLAINTEXT://:9092,CONTROLLER://:9093
  [advertised.listeners]=PLAINTEXT://localhost:9092
  [controller.listener.names]=CONTROLLER
  [inter.broker.listener.name]=PLAINTEXT
  [listener.security.protocol.map]=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
  [log.dirs]=/var/lib/kafka/data
  [offsets.topic.replication.factor]=1
  [transaction.state.log.replication.factor]=1
  [transaction.state.log.min.isr]=1
  [share.coordinator.state.topic.replication.factor]=1
  [share.coordinator.state.topic.min.isr]=1
)
while IFS='=' read -r name value; do
  case "$name" in
    KAFKA_HEAP_OPTS | KAFKA_OPTS | KAFKA_JVM_OPTS | KAFKA_LOG4J_OPTS | KAFKA_JMX_OPTS | KAFKA_HOME | KAFKA_VERSION) continue ;;
    KAFKA_*) ;;
    *) continue ;;
  esac
  key=${name#KAFKA_}
  key=${key,,}
  key=${key//___/-}
  key=${key//__/@}
  key=${key//_/.}
  key=${key//@/_}
  props[$key]=$value
done < <(env)
: > "$config"
for key in $(printf '%s\n' "${!props[@]}" | sort); do
  printf '%s=%s\n' "$key" "${props[$key]}" >> "$config"
done

classpath="/opt/kafka/libs/*"
java_opts=(${KAFKA_HEAP_OPTS:--Xmx512m} -XX:+UseSerialGC -Djava.awt.headless=true
  -Dlog4j2.configurationFile=/opt/kafka/log4j2.properties ${KAFKA_OPTS:-})
if [ ! -f "${props[log.dirs]%%,*}/meta.properties" ]; then
  echo "formatting ${props[log.dirs]} (cluster id ${CLUSTER_ID:-5L6g3nShT-eMCtK--X86sw})"
  java -Xmx256m -Dlog4j2.configurationFile=/opt/kafka/log4j2.properties -cp "$classpath" \
    kafka.tools.StorageTool format -t "${CLUSTER_ID:-5L6g3nShT-eMCtK--X86sw}" -c "$config"
fi
exec java "${java_opts[@]}" -cp "$classpath" kafka.Kafka "$config"
