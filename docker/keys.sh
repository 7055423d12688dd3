#!/usr/bin/env bash
# Creates, once, what docker-compose.yml's gateway needs from this host (in docker/keys/, which git
# ignores and the containers mount read-only at /keys):
#   signing-key.pem   the gateway's RSA signing key (PKCS#8); the services verify its tokens
#                     through the gateway's JWKS (http://gateway:8080/.well-known/jwks.json)
#   public-key.pem    its public half (for verifiers that take a PEM instead of the JWKS)
#   gateway.env       the gateway's environment: two system clients with random secrets
#                     (OPS_GATEWAY_TOKEN_SEED_CLIENTS), compose-desk (COMMAND) and
#                     compose-personnel (PERSONNEL_ADMIN), which docker/smoke.sh uses
#   personal-data.env every service's keys that seal ID numbers and phones at rest
#                     (OPS_PERSONAL_DATA_KEYS, OPS_PERSONAL_DATA_LOOKUP_KEY: 32 random bytes each);
#                     losing it loses the sealed data — back it up with the database
# Existing files are kept (--force replaces them). Needs openssl.
set -euo pipefail
cd "$(dirname "$0")/keys"
if [ "${1:-}" = --force ]; then rm -f signing-key.pem public-key.pem gateway.env; fi
# (--force never replaces personal-data.env: rows sealed with its keys would no longer open)
umask 077
if [ ! -f signing-key.pem ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out signing-key.pem 2> /dev/null
  openssl pkey -in signing-key.pem -pubout -out public-key.pem
  echo "docker/keys/signing-key.pem: a new signing key (public half in public-key.pem)"
fi
if [ ! -f gateway.env ]; then
  printf 'OPS_GATEWAY_TOKEN_SEED_CLIENTS=compose-desk:%s:COMMAND,compose-personnel:%s:PERSONNEL_ADMIN\n' \
    "$(openssl rand -hex 24)" "$(openssl rand -hex 24)" > gateway.env
  echo "docker/keys/gateway.env: system clients compose-desk (COMMAND), compose-personnel (PERSONNEL_ADMIN)"
fi
if [ ! -f personal-data.env ]; then
  printf 'OPS_PERSONAL_DATA_KEYS=k%s:%s\nOPS_PERSONAL_DATA_LOOKUP_KEY=%s\n' \
    "$(date +%Y%m%d)" "$(openssl rand -base64 32)" "$(openssl rand -base64 32)" > personal-data.env
  echo "docker/keys/personal-data.env: keys that seal personal data at rest (keep a copy)"
fi
# the gateway runs as uid 185: it must read the key, nobody else needs to
if [ "$(id -u)" = 0 ]; then
  chown 185 signing-key.pem && chmod 0400 signing-key.pem
else
  chmod 0644 signing-key.pem
  echo "warning: not root, so docker/keys/signing-key.pem is world-readable for the container's uid 185" >&2
fi
chmod 0644 public-key.pem
