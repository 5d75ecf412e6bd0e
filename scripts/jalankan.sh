#!/usr/bin/env bash
# `make run` after install, migrate and demo: the task worker beside the
# development server, and where to go once the server answers.
#
# Ctrl-C must end everything cleanly: the server stops, the worker finishes
# the task in hand (exactly one TERM, so no version is left half-processed)
# and `make` exits 0, not with "*** Interrupt".
set -u

PY=${PY:-.venv/bin/python}
PORT=${PORT:-8000}
ALAMAT="http://127.0.0.1:$PORT"
export DEBUG=true
# Emails sent while this serves (the worker sends them) link to this port.
export JDIH_SITE_URL=${JDIH_SITE_URL:-$ALAMAT}

terbuka() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

if terbuka; then
  echo "Port $PORT sudah dipakai program lain. Jalankan dengan port lain, mis.: make run PORT=8001" >&2
  exit 1
fi

# On a terminal, job control hands the terminal to the server alone, so
# Ctrl-C reaches only the server: neither make nor this script is
# interrupted, and the trap below stops the worker. Without a terminal,
# the worker gets its own session instead, out of reach of a signal sent to
# this process group.
if [ -t 0 ]; then
  set -m
  "$PY" manage.py db_worker --no-reload --interval 2 &
else
  setsid "$PY" manage.py db_worker --no-reload --interval 2 &
fi
pekerja=$!

umumkan() {
  for _ in $(seq 1200); do
    if terbuka; then
      printf '\n  Buka %s — masuk sebagai pengelola.kotawaringin-timur / jdih-demo\n' "$ALAMAT"
      printf '  (admin: admin / jdih-demo di %s/admin/; akun lain di README). Ctrl-C untuk berhenti.\n\n' "$ALAMAT"
      return
    fi
    sleep 0.25
  done
}
umumkan &
pengumum=$!

trap 'kill -TERM "$pengumum" "$pekerja" 2>/dev/null; wait "$pekerja" 2>/dev/null' EXIT

"$PY" manage.py runserver "127.0.0.1:$PORT"
status=$?
# Ctrl-C is how this is meant to stop: a server ended by it is a clean end.
if [ "$status" -eq 130 ]; then status=0; fi
exit "$status"
