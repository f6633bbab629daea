#!/usr/bin/env bash
# A real S3-compatible server on this machine, for tests and development: OpenStack Swift from
# Debian's packages, one node, with its s3api middleware and tempauth (a tempauth user's name and
# key are the S3 access key and secret; no Keystone).
#   scripts/s3-server.sh start   installs the packages if missing, writes the configuration and
#                                rings under S3_DIR, starts the account, container, object and
#                                proxy servers, creates the bucket, and prints the S3_* and AWS_*
#                                settings to use
#   scripts/s3-server.sh stop    stops the servers (the stored objects stay in S3_DIR)
# The state lives in S3_DIR (default $TMPDIR/casework-s3); the S3 port is S3_PORT (default 3380;
# the next four are the back-end servers' and memcached's). Starting twice is harmless: a running server is reused.
set -euo pipefail
dir="${S3_DIR:-${TMPDIR:-/tmp}/casework-s3}"
port="${S3_PORT:-3380}"
bucket="${S3_BUCKET:-casework}"
region=us-east-1
access_key="casework:casework"
endpoint="http://127.0.0.1:$port"
servers=(memcached account container object proxy)

running() { [ -f "$dir/run/proxy.pid" ] && kill -0 "$(cat "$dir/run/proxy.pid")" 2>/dev/null; }

install_swift() {
  command -v swift-proxy-server >/dev/null && command -v swift-object-server >/dev/null &&
    command -v memcached >/dev/null && return
  echo "== installing OpenStack Swift and memcached (Debian packages)" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    swift swift-proxy swift-object swift-container swift-account memcached >&2
}

# [DEFAULT] of every server: all state under $dir, a plain folder as the one device.
common() {
  cat <<CONF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $1
workers = 0
swift_dir = $dir/etc
devices = $dir/srv
mount_check = false
log_level = WARNING
log_address = $dir/run/no-syslog
CONF
}

configure() {
  mkdir -p "$dir/etc" "$dir/srv/d1" "$dir/run" "$dir/log"
  [ -f "$dir/etc/secret" ] || head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/etc/secret"
  local secret
  secret="$(cat "$dir/etc/secret")"
  cat >"$dir/etc/swift.conf" <<CONF
[swift-hash]
swift_hash_path_suffix = $secret
swift_hash_path_prefix = casework
[storage-policy:0]
name = Policy-0
default = yes
CONF
  local i=1 server
  for server in account container object; do
    { common $((port + i)); printf '[pipeline:main]\npipeline = %s-server\n[app:%s-server]\nuse = egg:swift#%s\n' \
      "$server" "$server" "$server"; } >"$dir/etc/$server-server.conf"
    if [ ! -f "$dir/etc/$server.ring.gz" ]; then
      (cd "$dir/etc" && swift-ring-builder "$server.builder" create 8 1 1 >/dev/null &&
        swift-ring-builder "$server.builder" add "r1z1-127.0.0.1:$((port + i))/d1" 100 >/dev/null &&
        swift-ring-builder "$server.builder" rebalance >/dev/null)
    fi
    i=$((i + 1))
  done
  { common "$port"; cat <<CONF
[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats s3api tempauth copy slo dlo proxy-logging proxy-server
[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
[filter:s3api]
use = egg:swift#s3api
location = $region
[filter:tempauth]
use = egg:swift#tempauth
user_casework_casework = $secret .admin
[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$((port + 4))
[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:copy]
use = egg:swift#copy
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
CONF
  } >"$dir/etc/proxy-server.conf"
}

start_servers() {
  local server
  # tempauth keeps its tokens in memcached, as every Swift proxy does.
  nohup memcached -l 127.0.0.1 -p $((port + 4)) -U 0 -m 64 -u "$(id -un)" >"$dir/log/memcached.log" 2>&1 &
  echo $! >"$dir/run/memcached.pid"
  for server in account container object proxy; do
    nohup "swift-$server-server" "$dir/etc/$server-server.conf" >"$dir/log/$server.log" 2>&1 &
    echo $! >"$dir/run/$server.pid"
  done
}

# The bucket is a Swift container, made through Swift's own API with the same user; done once it answers.
make_bucket() {
  local secret auth token url
  secret="$(cat "$dir/etc/secret")"
  for _ in $(seq 1 240); do
    if auth="$(curl -fsS -D - -o /dev/null -H "X-Auth-User: $access_key" -H "X-Auth-Key: $secret" \
      "$endpoint/auth/v1.0" 2>/dev/null)"; then
      token="$(printf '%s' "$auth" | tr -d '\r' | sed -n 's/^X-Auth-Token: //Ip')"
      url="$(printf '%s' "$auth" | tr -d '\r' | sed -n 's/^X-Storage-Url: //Ip')"
      curl -fsS -o /dev/null -X PUT -H "X-Auth-Token: $token" "$url/$bucket" 2>/dev/null && return 0
    fi
    sleep 0.5
  done
  echo "Swift did not answer on $endpoint within two minutes; its logs are in $dir/log" >&2
  return 1
}

stop_servers() {
  local server pid
  for server in "${servers[@]}"; do
    [ -f "$dir/run/$server.pid" ] || continue
    pid="$(cat "$dir/run/$server.pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$dir/run/$server.pid"
  done
}

case "${1:-}" in
  start)
    if ! running; then
      install_swift
      stop_servers
      configure
      start_servers
    fi
    make_bucket || { stop_servers; exit 1; }
    printf '%s\n' "S3_ENDPOINT=$endpoint" "S3_BUCKET=$bucket" "S3_REGION=$region" \
      "AWS_ACCESS_KEY_ID=$access_key" "AWS_SECRET_ACCESS_KEY=$(cat "$dir/etc/secret")"
    ;;
  stop) stop_servers ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
