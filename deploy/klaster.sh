#!/usr/bin/env bash
# The production shape on one machine, loopback only: nginx in front of two
# gunicorn nodes (a, b), task worker(s), PostgreSQL, Redis and an S3 server
# (moto). `make cluster` / `make cluster-stop`, or:
#
#   deploy/klaster.sh start|stop|status|restart
#   deploy/klaster.sh rolling          (restart node a, then b, under traffic)
#   deploy/klaster.sh sebagai a <perintah...>   (with node a's environment)
#
# The nodes share nothing on disk: each has its own JDIH_VAR_DIR and
# MEDIA_ROOT, so whatever one node stores must reach the other through
# PostgreSQL, Redis or S3, as it must between machines.
#
# Environment (all optional):
#   DATABASE_URL        default postgres://postgres@127.0.0.1:5432/jdih_klaster; that
#                       default database is made afresh at every start (moto keeps
#                       its files in memory only) and filled with the demo data;
#                       any other database is used as it is (migrated only when
#                       migrations are missing, never dropped).
#   REDIS_URL           default redis://127.0.0.1:6379/3 (a db number of its own)
#   KLASTER_DIR         run folder (pids, logs, nginx.conf), default var/klaster
#   KLASTER_PORT_NGINX / _A / _B / _S3   default 8780 / 8781 / 8782 / 8783
#   KLASTER_PEKERJA     task workers, default 1
#   KLASTER_S3          1 (default): media in S3 (moto); 0: one shared media
#                       folder, downloads by X-Accel-Redirect through nginx
#   WEB_CONCURRENCY     gunicorn workers per node, default 2
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

PY=${PY:-$ROOT/.venv/bin/python}
KLASTER_DIR=$(realpath -m "${KLASTER_DIR:-var/klaster}")
KLASTER_PORT_NGINX=${KLASTER_PORT_NGINX:-8780}
KLASTER_PORT_A=${KLASTER_PORT_A:-8781}
KLASTER_PORT_B=${KLASTER_PORT_B:-8782}
KLASTER_PORT_S3=${KLASTER_PORT_S3:-8783}
KLASTER_PEKERJA=${KLASTER_PEKERJA:-1}
KLASTER_S3=${KLASTER_S3:-1}
DB_BAWAAN=postgres://postgres@127.0.0.1:5432/jdih_klaster
export DATABASE_URL=${DATABASE_URL:-$DB_BAWAAN}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/3}
export WEB_CONCURRENCY=${WEB_CONCURRENCY:-2}
RUN=$KLASTER_DIR/run
LOG=$KLASTER_DIR/log
ALAMAT=http://127.0.0.1:$KLASTER_PORT_NGINX

# What every node and worker shares: one key, one database, one cache, one
# bucket; plain HTTP on loopback (TLS ends at the production proxy).
env_bersama() {
  export DEBUG=false DJANGO_SETTINGS_MODULE=jdih.settings
  export SECRET_KEY
  SECRET_KEY=$(cat "$KLASTER_DIR/secret_key")
  export ALLOWED_HOSTS=127.0.0.1,localhost
  export JDIH_SITE_URL=$ALAMAT
  export SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false
  export JDIH_PROXY_TEPERCAYA=127.0.0.1
  export STATIC_ROOT=$KLASTER_DIR/static
  # For the steps run from here (migrate, demo); nodes get their own below.
  export JDIH_VAR_DIR=$KLASTER_DIR/alat MEDIA_ROOT=$KLASTER_DIR/media
  export JDIH_TASKS_BACKEND=django_tasks_db.DatabaseBackend
  if [ "$KLASTER_S3" = 1 ]; then
    export S3_BUCKET=${S3_BUCKET:-jdih-klaster}
    export S3_ENDPOINT_URL=http://127.0.0.1:$KLASTER_PORT_S3
    export S3_ENDPOINT_URL_PUBLIK=${S3_ENDPOINT_URL_PUBLIK:-$S3_ENDPOINT_URL}
    export S3_ACCESS_KEY_ID=${S3_ACCESS_KEY_ID:-klaster} S3_SECRET_ACCESS_KEY=${S3_SECRET_ACCESS_KEY:-klaster}
    export S3_REGION=${S3_REGION:-us-east-1}
  else
    export JDIH_UNDUH_X_ACCEL=/_berkas/
  fi
}

# One process in a session of its own (its pid is its process group), so a
# node can be stopped, or killed whole (`kill -9 -<pid>`), alone.
mulai() {
  local nama=$1
  shift
  setsid "$@" >>"$LOG/$nama.log" 2>&1 </dev/null &
  echo $! >"$RUN/$nama.pid"
}

langkah() { echo "[$SECONDS s] $1"; }

hidup() { [ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

tunggu_url() {
  local url=$1 nama=$2
  for _ in $(seq 300); do
    curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
    hidup "$nama" || { echo "$nama berhenti; lihat $LOG/$nama.log" >&2; tail -20 "$LOG/$nama.log" >&2; return 1; }
    sleep 0.2
  done
  echo "$nama tidak menjawab di $url; lihat $LOG/$nama.log" >&2
  return 1
}

layanan_lokal() {
  # PostgreSQL and Redis of this machine, started only when they are down
  # (and only when the cluster uses the local ones).
  case "$DATABASE_URL" in
    *@127.0.0.1:5432/* | *@localhost:5432/*)
      pg_isready -q -h 127.0.0.1 -p 5432 ||
        pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
      ;;
  esac
  case "$REDIS_URL" in
    redis://127.0.0.1:6379* | redis://localhost:6379*)
      redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 ||
        redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
      ;;
  esac
}

siapkan_basis_data() {
  # The default database starts afresh (KLASTER_DB_BARU=0 keeps it: then
  # the files it names are gone with moto's memory); any other is kept.
  local baru=0 dibuat
  [ "$DATABASE_URL" = "$DB_BAWAAN" ] && [ "${KLASTER_DB_BARU:-1}" = 1 ] && baru=1
  dibuat=$(KLASTER_DB_BARU=$baru "$PY" - <<'PY'
import os

import dj_database_url
import psycopg

cfg = dj_database_url.parse(os.environ["DATABASE_URL"])
if cfg["ENGINE"] != "django.db.backends.postgresql":
    raise SystemExit("Klaster butuh PostgreSQL (DATABASE_URL=postgres://...).")
nama = cfg["NAME"]
with psycopg.connect(
    host=cfg["HOST"] or "127.0.0.1", port=cfg["PORT"] or 5432, user=cfg["USER"],
    password=cfg["PASSWORD"] or None, dbname="postgres", autocommit=True,
) as k:
    ada = k.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nama]).fetchone()
    if ada and os.environ["KLASTER_DB_BARU"] == "1":
        k.execute(f'DROP DATABASE "{nama}" WITH (FORCE)')
        ada = None
    if not ada:
        k.execute(f'CREATE DATABASE "{nama}"')
print(0 if ada else 1)
PY
  )
  if ! "$PY" manage.py migrate --check >/dev/null 2>&1; then
    "$PY" manage.py migrate --noinput -v0
  fi
  if [ "$dibuat" = 1 ] && [ "$DATABASE_URL" = "$DB_BAWAAN" ] && [ "${KLASTER_DEMO:-1}" = 1 ]; then
    echo "Memuat data demo ..."
    "$PY" manage.py muat_demo -v0 >>"$LOG/demo.log" 2>&1
  fi
}

s3_mulai() {
  [ "$KLASTER_S3" = 1 ] || return 0
  mulai s3 "$ROOT/.venv/bin/moto_server" -H 127.0.0.1 -p "$KLASTER_PORT_S3"
  tunggu_url "http://127.0.0.1:$KLASTER_PORT_S3/moto-api/" s3
  "$PY" - <<'PY'
import os

import boto3

s3 = boto3.client(
    "s3", endpoint_url=os.environ["S3_ENDPOINT_URL"], region_name=os.environ["S3_REGION"],
    aws_access_key_id=os.environ["S3_ACCESS_KEY_ID"],
    aws_secret_access_key=os.environ["S3_SECRET_ACCESS_KEY"],
)
if os.environ["S3_BUCKET"] not in [b["Name"] for b in s3.list_buckets()["Buckets"]]:
    s3.create_bucket(Bucket=os.environ["S3_BUCKET"])
PY
}

node_mulai() {
  local node=$1 port=$2
  mkdir -p "$KLASTER_DIR/node-$node/media"
  mulai "node-$node" env JDIH_NODE="$node" JDIH_VAR_DIR="$KLASTER_DIR/node-$node" \
    MEDIA_ROOT="$(media_node "$node")" GUNICORN_BIND="127.0.0.1:$port" \
    GUNICORN_CONTROL_SOCKET="$RUN/gunicorn-$node.ctl" \
    "$ROOT/.venv/bin/gunicorn" -c "$ROOT/deploy/gunicorn.conf.py"
}

media_node() {
  # With S3 the node's own folder stays empty; without it all share one.
  if [ "$KLASTER_S3" = 1 ]; then echo "$KLASTER_DIR/node-$1/media"; else echo "$KLASTER_DIR/media"; fi
}

pekerja_mulai() {
  local i=$1
  mkdir -p "$KLASTER_DIR/pekerja-$i/media"
  mulai "pekerja-$i" env JDIH_NODE="pekerja-$i" JDIH_VAR_DIR="$KLASTER_DIR/pekerja-$i" \
    MEDIA_ROOT="$(media_node "pekerja-$i")" \
    "$PY" manage.py db_worker --no-reload --interval 1 --worker-id "pekerja-$i"
}

# A command with one node's environment: `deploy/klaster.sh sebagai a
# .venv/bin/python manage.py createsuperuser` works on node a's side.
sebagai() {
  local node=$1
  shift
  env_bersama
  export JDIH_NODE=$node JDIH_VAR_DIR=$KLASTER_DIR/node-$node MEDIA_ROOT
  MEDIA_ROOT=$(media_node "$node")
  mkdir -p "$MEDIA_ROOT"
  exec "$@"
}

nginx_mulai() {
  mkdir -p "$KLASTER_DIR"/nginx/{body,proxy,fastcgi,uwsgi,scgi}
  KLASTER_DIR=$KLASTER_DIR KLASTER_PORT_NGINX=$KLASTER_PORT_NGINX \
    KLASTER_PORT_A=$KLASTER_PORT_A KLASTER_PORT_B=$KLASTER_PORT_B \
    KLASTER_STATIC=$STATIC_ROOT KLASTER_MEDIA=$KLASTER_DIR/media \
    KLASTER_MAKS_BODY=${KLASTER_MAKS_BODY:-60m} \
    envsubst '${KLASTER_DIR} ${KLASTER_PORT_NGINX} ${KLASTER_PORT_A} ${KLASTER_PORT_B} ${KLASTER_STATIC} ${KLASTER_MEDIA} ${KLASTER_MAKS_BODY}' \
    <deploy/nginx.conf.template >"$KLASTER_DIR/nginx.conf"
  local nginx
  nginx=$(command -v nginx || echo /usr/sbin/nginx)
  "$nginx" -t -q -p "$KLASTER_DIR" -c "$KLASTER_DIR/nginx.conf"
  mulai nginx "$nginx" -p "$KLASTER_DIR" -c "$KLASTER_DIR/nginx.conf" -g "daemon off;"
}

start() {
  if hidup nginx || hidup node-a; then
    echo "Klaster sudah berjalan ($KLASTER_DIR); deploy/klaster.sh stop dulu." >&2
    exit 1
  fi
  mkdir -p "$RUN" "$LOG" "$KLASTER_DIR/media"
  [ -s "$KLASTER_DIR/secret_key" ] ||
    (umask 077 && "$PY" -c 'import secrets; print(secrets.token_urlsafe(64))' >"$KLASTER_DIR/secret_key")
  env_bersama
  layanan_lokal
  s3_mulai
  langkah "S3 siap"
  siapkan_basis_data
  langkah "basis data siap"
  "$PY" manage.py collectstatic --noinput -v0
  langkah "berkas statis terkumpul"
  node_mulai a "$KLASTER_PORT_A"
  node_mulai b "$KLASTER_PORT_B"
  for i in $(seq "$KLASTER_PEKERJA"); do pekerja_mulai "$i"; done
  nginx_mulai
  tunggu_url "http://127.0.0.1:$KLASTER_PORT_A/healthz" node-a
  tunggu_url "http://127.0.0.1:$KLASTER_PORT_B/healthz" node-b
  tunggu_url "$ALAMAT/healthz" nginx
  langkah "node dan nginx menjawab"
  echo "Klaster berjalan: $ALAMAT (nginx) → node a :$KLASTER_PORT_A, node b :$KLASTER_PORT_B;" \
    "$KLASTER_PEKERJA worker; basis data ${DATABASE_URL##*/}; log di $LOG."
}

hentikan() {
  # TERM first: gunicorn finishes the requests in hand, a worker its task.
  local nama=$1 pid
  [ -f "$RUN/$nama.pid" ] || return 0
  pid=$(cat "$RUN/$nama.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$RUN/$nama.pid"
}

stop() {
  [ -d "$RUN" ] || return 0
  hentikan nginx
  hentikan node-a
  hentikan node-b
  for f in "$RUN"/pekerja-*.pid; do [ -e "$f" ] && hentikan "$(basename "$f" .pid)"; done
  hentikan s3
  echo "Klaster berhenti."
}

status() {
  local f nama
  for f in "$RUN"/*.pid; do
    [ -e "$f" ] || { echo "Klaster tidak berjalan."; return 3; }
    nama=$(basename "$f" .pid)
    if hidup "$nama"; then echo "$nama: hidup (pid $(cat "$f"))"; else echo "$nama: MATI"; fi
  done
  for url in "http://127.0.0.1:$KLASTER_PORT_A/healthz" "http://127.0.0.1:$KLASTER_PORT_B/healthz" "$ALAMAT/healthz"; do
    printf '%s: %s\n' "$url" "$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$url" || true)"
  done
}

# One node at a time: TERM (requests in hand finish; nginx sends new ones to
# the other node), start again, wait for its /healthz, then the next node.
node_ulang() {
  local node=$1 port
  env_bersama
  if [ "$node" = a ]; then port=$KLASTER_PORT_A; else port=$KLASTER_PORT_B; fi
  hentikan "node-$node"
  node_mulai "$node" "$port"
  tunggu_url "http://127.0.0.1:$port/healthz" "node-$node"
  langkah "node $node dimulai ulang"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  restart) stop; start ;;
  sebagai) shift; sebagai "$@" ;;
  restart-node) node_ulang "${2:?node a atau b}" ;;
  rolling) node_ulang a; node_ulang b ;;
  *) echo "pakai: $0 start|stop|status|restart|rolling|restart-node <a|b>|sebagai <node> <perintah...>" >&2; exit 2 ;;
esac
