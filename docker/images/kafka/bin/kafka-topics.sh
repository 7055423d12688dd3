#!/bin/bash
# kafka-topics.sh --bootstrap-server B --create [--if-not-exists] --topic T --partitions N
#   --replication-factor R [--config k=v]... | --list — the subset docker-compose.yml uses, on
# kafka-clients' Admin (the broker jars hold no kafka-tools).
exec java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "/opt/kafka/tools:/opt/kafka/libs/*" KafkaTopics "$@"
