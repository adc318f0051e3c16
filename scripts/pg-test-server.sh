#!/usr/bin/env bash
# A throwaway PostgreSQL for tests: initdb in a temporary folder, a free loopback port, trust
# authentication on loopback only, no data kept. It never fails the caller: when no server can
# be started it says so loudly and prints nothing on stdout.
#
#   url=$(scripts/pg-test-server.sh start)   # prints postgres://postgres@127.0.0.1:<port>/postgres
#   scripts/pg-test-server.sh stop "$url"    # stops that server and deletes its folder
#   scripts/pg-test-server.sh reap           # stops servers whose owner (PG_TEST_OWNER, else the caller) is gone
#
# Run as root (CI) it runs the server as the `postgres` user; run as any other user, as that user.
# When the server binaries are missing and it runs as root, it installs Debian's package first
# (not when PG_TEST_NO_INSTALL is set: `npm test` never installs anything).
set -uo pipefail

STATE_ROOT="${PG_TEST_STATE:-/tmp/nomad-kz-pg}"

say() { printf '%s\n' "$*" >&2; }
loud() {
  say "=================================================================="
  say "pg-test-server: $*"
  say "=================================================================="
}

bindir() {
  local dir=""
  if command -v pg_config >/dev/null 2>&1; then dir="$(pg_config --bindir 2>/dev/null)"; fi
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then printf '%s' "$dir"; return 0; fi
  # pg_config may belong to the client package only: look where Debian puts the server.
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ]; then printf '%s' "$d"; return 0; fi
  done
  return 1
}

install_server() {
  if [ -n "${PG_TEST_NO_INSTALL:-}" ] || [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then return 1; fi
  say "pg-test-server: PostgreSQL server binaries missing; installing the Debian package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends postgresql >&2
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Runs a command as the server's user.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local bin dir port
  if ! bin="$(bindir)"; then
    install_server || true
    bin="$(bindir)" || { loud "no PostgreSQL server binaries (initdb) and none could be installed"; return 0; }
  fi
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/false postgres >&2 || { loud "cannot create the postgres user"; return 0; }
  fi
  mkdir -p "$STATE_ROOT" && chmod 1777 "$STATE_ROOT"
  dir="$(mktemp -d "$STATE_ROOT/pg.XXXXXX")" || { loud "cannot create a temporary folder"; return 0; }
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  if ! as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    && ! as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 --locale=C >"$dir/initdb.log" 2>&1; then
    loud "initdb failed: $(tail -n 3 "$dir/initdb.log" | tr '\n' ' ')"
    rm -rf "$dir"
    return 0
  fi
  # Loopback only, trust only there; no Unix socket outside the folder.
  cat >"$dir/data/pg_hba.conf" <<'EOF'
host all all 127.0.0.1/32 trust
EOF
  for attempt in 1 2 3; do
    port="$(free_port)" || { loud "cannot find a free port (node missing?)"; rm -rf "$dir"; return 0; }
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >&2; then
      printf '%s\n' "$dir" >"$STATE_ROOT/last"
      printf '%s' "$port" >"$dir/port"
      # Whose server it is: `reap` stops it once that process is gone (a test run killed before its teardown).
      printf '%s' "${PG_TEST_OWNER:-$PPID}" >"$dir/owner"
      printf 'postgres://postgres@127.0.0.1:%s/postgres\n' "$port"
      return 0
    fi
    say "pg-test-server: start on port $port failed (attempt $attempt): $(tail -n 2 "$dir/server.log" 2>/dev/null | tr '\n' ' ')"
  done
  loud "PostgreSQL could not be started"
  rm -rf "$dir"
  return 0
}

stop() {
  local url="${1:-}" port dir bin
  bin="$(bindir)" || return 0
  port="$(printf '%s' "$url" | sed -n 's/.*:\([0-9][0-9]*\)\/.*/\1/p')"
  for dir in "$STATE_ROOT"/pg.*; do
    [ -d "$dir" ] || continue
    if [ -z "$port" ] || [ "$(cat "$dir/port" 2>/dev/null)" = "$port" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
      rm -rf "$dir"
    fi
  done
}

# Stops the servers whose owner process no longer runs.
reap() {
  local dir owner
  for dir in "$STATE_ROOT"/pg.*; do
    [ -f "$dir/owner" ] || continue
    owner="$(cat "$dir/owner")"
    if ! kill -0 "$owner" 2>/dev/null; then stop "postgres://x@127.0.0.1:$(cat "$dir/port")/x"; fi
  done
}

case "${1:-}" in
  start) reap; start ;;
  reap) reap ;;
  stop) stop "${2:-}" ;;
  *) say "usage: $0 start | stop [url] | reap"; exit 2 ;;
esac
