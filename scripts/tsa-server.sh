#!/usr/bin/env bash
# A throwaway RFC 3161 time-stamping authority on this machine, for tests and development.
#   scripts/tsa-server.sh start   makes a CA and a TSA certificate (once), starts the HTTP server
#                                 and prints TSA_URL=... and TSA_CA_FILE=... (the CA to verify with)
#   scripts/tsa-server.sh stop    stops it
# The state lives in TSA_DIR (default $TMPDIR/casework-tsa); the port is TSA_PORT (default 3318).
# Starting twice is harmless: a running server is reused.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="${TSA_DIR:-${TMPDIR:-/tmp}/casework-tsa}"
port="${TSA_PORT:-3318}"
url="http://127.0.0.1:$port/"

running() { [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; }
answers() { node -e "fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))" "${url}health"; }

make_keys() {
  mkdir -p "$dir"
  [ -f "$dir/tsa.pem" ] && return
  cd "$dir"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 3650 \
    -subj "/CN=Casework test TSA root" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -keyout tsa.key -out tsa.csr -subj "/CN=Casework test TSA" 2>/dev/null
  printf '%s\n' "basicConstraints=CA:FALSE" "keyUsage=critical,digitalSignature" \
    "extendedKeyUsage=critical,timeStamping" >tsa.ext
  openssl x509 -req -in tsa.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out tsa.pem -days 3650 \
    -extfile tsa.ext 2>/dev/null
  echo 01 >tsaserial
  cat >tsa.cnf <<CNF
[ tsa ]
default_tsa = local
[ local ]
dir = $dir
serial = \$dir/tsaserial
signer_cert = \$dir/tsa.pem
certs = \$dir/ca.pem
signer_key = \$dir/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
other_policies = 1.2.3.4.5
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
CNF
  rm -f tsa.csr tsa.ext
}

case "${1:-}" in
  start)
    command -v openssl >/dev/null || { echo "openssl is needed" >&2; exit 1; }
    if running && answers; then
      :
    else
      make_keys
      nohup node "$here/tsa/server.mjs" "$dir" "$port" >"$dir/server.log" 2>&1 &
      echo $! >"$dir/pid"
      for _ in $(seq 1 50); do answers && break; sleep 0.1; done
      answers || { echo "the TSA did not start; see $dir/server.log" >&2; cat "$dir/server.log" >&2; exit 1; }
    fi
    echo "TSA_URL=$url"
    echo "TSA_CA_FILE=$dir/ca.pem"
    ;;
  stop)
    if running; then kill "$(cat "$dir/pid")"; fi
    rm -f "$dir/pid"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
