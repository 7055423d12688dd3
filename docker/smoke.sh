#!/usr/bin/env bash
# Smoke test of the compose suite, through the gateway only:
#   docker/smoke.sh             waits until every container is healthy; tokens from /oauth/token (the clients docker/keys.sh seeds),
#                               public endpoints of each service answer 200, and a marker: the unit
#                               SMOKE-EXT with one person, created on the first run (the person
#                               reaches checkpoint-service through Kafka); found on later runs
#   docker/smoke.sh --restart   the same, then docker-compose down, up -d, all healthy again, and
#                               the marker created before must still be there (named volumes)
# Environment: GATEWAY_URL (http://localhost:${GATEWAY_PORT:-8080}). Needs curl and jq.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
gw=${GATEWAY_URL:-http://localhost:${GATEWAY_PORT:-8080}}
restart=0
[ "${1:-}" != --restart ] || restart=1

fail() { echo "FAIL: $*" >&2; exit 1; }
# call METHOD PATH [BODY]: prints the body, fails unless 2xx
call() {
  local out status
  out=$(mktemp)
  status=$(curl -s -o "$out" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' ${3:+--data "$3"} "$gw$2")
  printf '%-4s %-58s %s\n' "$1" "$2" "$status" >&2
  [[ "$status" == 2* ]] || { cat "$out" >&2; rm -f "$out"; fail "$1 $2 answered $status"; }
  cat "$out"
  rm -f "$out"
}

await_healthy() {
  local deadline=$((SECONDS + 600)) unhealthy
  while :; do
    unhealthy=$(for c in $(docker-compose ps -q postgres kafka gateway checkpoint-service case-service personnel-service); do
      docker inspect -f '{{.Name}} {{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$c"
    done | grep -v ' healthy$' || true)
    [ -n "$unhealthy" ] || break
    [ $SECONDS -lt $deadline ] || fail "not healthy after 10 minutes: $unhealthy"
    sleep 5
  done
  echo "all healthy (${SECONDS}s)"
}

# token CLIENT: a token of that seeded client (docker/keys/gateway.env)
token_of() {
  local entry
  entry=$(sed -n 's/^OPS_GATEWAY_TOKEN_SEED_CLIENTS=//p' docker/keys/gateway.env | tr ',' '\n' | grep "^$1:") \
    || fail "no client $1 in docker/keys/gateway.env"
  curl -sf -u "$(cut -d: -f1 <<< "$entry"):$(cut -d: -f2 <<< "$entry")" \
    -d grant_type=client_credentials "$gw/oauth/token" | jq -er .access_token \
    || fail "no token for $1 from $gw/oauth/token"
  printf 'POST %-58s 200 (token of %s, %s)\n' /oauth/token "$1" "$(cut -d: -f3 <<< "$entry")" >&2
}

token=
checks() {
  [ -f docker/keys/gateway.env ] || fail "no docker/keys/gateway.env: run docker/keys.sh"
  token=$(token_of compose-desk)
  call GET "/.well-known/jwks.json" | jq -c '{keys: [.keys[].kid]}'
  call GET "/api/v1/situation?date=$(date -u +%F)" | jq -c 'keys'
  call GET "/api/v1/checkpoint/checkpoints?size=5" | jq -c '{total}'
  call GET "/api/v1/checkpoint/inspections?size=5" | jq -c '{total}'
  call GET "/api/v1/case/cases?size=5" | jq -c '{total}'
  call GET "/api/v1/case/verification-tasks?size=5" | jq -c '{total}'
  call GET "/api/v1/personnel/units?size=200" > /tmp/ops-smoke-units.json
  jq -c '{total}' /tmp/ops-smoke-units.json
  call GET "/api/v1/personnel/people?size=5" | jq -c '{total}'
  call GET "/api/v1/openapi" | jq -c '{openapi, paths: (.paths | length)}'
}

# the marker: unit SMOKE-EXT and its person; echoes "created" or "found"
marker() {
  local unit person outcome
  unit=$(jq -r '.items[] | select(.code == "SMOKE-EXT") | .id' /tmp/ops-smoke-units.json)
  if [ -z "$unit" ]; then
    local desk=$token
    token=$(token_of compose-personnel) # units and people are the personnel office's
    unit=$(call POST /api/v1/personnel/units \
      '{"code":"SMOKE-EXT","name":"容器冒煙測試","kind":"EXTERNAL_DEPARTMENT"}' | jq -r .id)
    call POST /api/v1/personnel/people \
      "{\"category\":\"VOLUNTEER\",\"name\":\"冒煙測試志願者\",\"unitId\":\"$unit\"}" > /dev/null
    token=$desk
    outcome=created
  else
    outcome=found
  fi
  person=$(call GET "/api/v1/personnel/people?unitId=$unit&size=5" | jq -r '.items[0].id')
  [ -n "$person" ] && [ "$person" != null ] || fail "the person of unit SMOKE-EXT is missing"
  # personnel.people.state → checkpoint-service's replica (Kafka); a fresh one takes a moment
  local deadline=$((SECONDS + 120))
  until curl -sf -o /dev/null -H "Authorization: Bearer $token" "$gw/api/v1/checkpoint/personnel/$person"; do
    [ $SECONDS -lt $deadline ] || fail "person $person never reached checkpoint-service"
    sleep 2
  done
  call GET "/api/v1/checkpoint/personnel/$person" | jq -c '{personId, name, category}' >&2
  echo "marker: unit SMOKE-EXT $unit, person $person: $outcome" >&2
  echo "$outcome"
}

await_healthy
checks
first=$(marker)
if [ "$restart" = 1 ]; then
  echo "--- docker-compose down (volumes kept), then up -d"
  docker-compose down
  SECONDS=0
  docker-compose up -d
  await_healthy
  checks
  again=$(marker)
  [ "$again" = found ] || fail "the marker created before the restart is gone: the data did not survive"
fi
echo "SMOKE OK"
