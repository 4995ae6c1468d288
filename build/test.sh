#!/usr/bin/env bash
# The one test command of Municipal: `bash build/test.sh`.
#
# On a fresh Debian 12 machine with only the .NET SDK it:
#   1. installs what is missing from Debian packages (chromium, postgresql; nodejs and npm, with which
#      Municipal.Core's build installs and bundles the rich-text editor's npm packages),
#   2. starts a throwaway PostgreSQL on 127.0.0.1:55432 (stopped and deleted on exit),
#   3. builds Municipal.sln (Release) and runs every test project in it,
#   4. prints one closing line "N passed, N failed[, N skipped]" summed over all test assemblies.
# It exits non-zero when the build fails, a test fails, or no test ran.
#
# Tests get:
#   MUNICIPAL_TEST_POSTGRES  connection string to the server (superuser "postgres",
#                            database "postgres"); tests create their own databases.
#   MUNICIPAL_TEST_CHROMIUM  path of the Chromium binary for Playwright (/usr/bin/chromium);
#                            CI runs as root, where Chromium needs --no-sandbox (Playwright's default).
# Set MUNICIPAL_TEST_PG_PORT to use another port (e.g. two runs on one machine).
# Set MUNICIPAL_TEST_FAKETIME to an offset such as +365d to run every test process (and the hosts and Chromium
# they start) on a machine clock moved by that much (Debian's libfaketime, installed when missing): the suite must
# pass on any date. Only the test processes are moved; dotnet test's own runner and PostgreSQL keep the real time.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# English output: the closing counts are read from dotnet test's per-assembly summary lines.
export DOTNET_CLI_UI_LANGUAGE=en

PG_PORT="${MUNICIPAL_TEST_PG_PORT:-55432}"
CHROMIUM=/usr/bin/chromium
START=$SECONDS

step() { printf '==> %s\n' "$*"; }
die() { printf 'build/test.sh: %s\n' "$*" >&2; exit 1; }

find_pg_bin() {
    local initdb
    initdb="$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)"
    [ -n "$initdb" ] && dirname "$initdb"
}

# ---------------------------------------------------------------- packages
# A font comes with chromium: its libfontconfig1 -> fontconfig-config pulls fonts-dejavu-core.
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
find_pg_bin >/dev/null || missing+=(postgresql)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
find_faketime() { ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -n 1; }
if [ -n "${MUNICIPAL_TEST_FAKETIME:-}" ] && [ -z "$(find_faketime)" ]; then missing+=(faketime); fi
if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" -eq 0 ] || die "missing ${missing[*]}; run as root or install them: apt-get install ${missing[*]}"
    step "installing ${missing[*]} (Debian packages)"
    apt_log="$(mktemp)"
    apt_opts=(-qq -o DPkg::Lock::Timeout=600)
    if ! { apt-get "${apt_opts[@]}" update &&
           DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y --no-install-recommends "${missing[@]}"; } \
         >"$apt_log" 2>&1 </dev/null; then
        tail -n 50 "$apt_log" >&2
        die "apt-get failed"
    fi
    rm -f "$apt_log"
fi
[ -x "$CHROMIUM" ] || die "$CHROMIUM not found after install"
PG_BIN="$(find_pg_bin)" || die "no initdb under /usr/lib/postgresql/*/bin after install"
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || die "node or npm not found after install"

# ---------------------------------------------------------------- PostgreSQL
# The server refuses to run as root, so it runs as the "postgres" system user
# (created by the Debian package; created here if absent).
if ! id -u postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin postgres
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; then
    die "port $PG_PORT on 127.0.0.1 is already in use (set MUNICIPAL_TEST_PG_PORT to use another)"
fi

PG_TMP="$(mktemp -d /tmp/municipal-pg.XXXXXX)"
PG_DATA="$PG_TMP/data"
# Run as postgres from a folder it may enter (the checkout may be under /root).
as_postgres() { (cd "$PG_TMP" && runuser -u postgres -- "$@"); }

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [ -f "$PG_DATA/postmaster.pid" ]; then
        if ! as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1; then
            kill -9 "$(head -n 1 "$PG_DATA/postmaster.pid")" 2>/dev/null || true
        fi
    fi
    rm -rf "$PG_TMP"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step "starting PostgreSQL $(basename "$(dirname "$PG_BIN")") on 127.0.0.1:$PG_PORT"
chown postgres "$PG_TMP"
chmod 700 "$PG_TMP"
locale=C
if locale -a 2>/dev/null | grep -iE '^c\.utf-?8$' >/dev/null; then locale=C.UTF-8; fi
if ! as_postgres "$PG_BIN/initdb" -D "$PG_DATA" --auth=trust -U postgres --encoding=UTF8 \
        --locale="$locale" --no-sync >"$PG_TMP/initdb.log" 2>&1; then
    cat "$PG_TMP/initdb.log" >&2
    die "initdb failed"
fi
if ! as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_TMP/server.log" -w -t 60 \
        -o "-p $PG_PORT -k $PG_TMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        start >/dev/null 2>&1; then
    cat "$PG_TMP/server.log" >&2 || true
    die "PostgreSQL did not start"
fi
for _ in $(seq 1 60); do
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" && break
    sleep 0.5
done
"$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" || { cat "$PG_TMP/server.log" >&2; die "PostgreSQL not ready"; }

export MUNICIPAL_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
export MUNICIPAL_TEST_CHROMIUM="$CHROMIUM"
step "setup done in $((SECONDS - START))s"

# ---------------------------------------------------------------- build and test
step "dotnet build Municipal.sln -c Release"
dotnet build Municipal.sln -c Release -nologo </dev/null || die "build failed"

RESULTS="$ROOT/TestResults/ci"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
settings=()
# A test that hangs for 5 minutes kills its test host (and fails the run) instead of eating CI's time.
blame=(--blame-hang-timeout 5m --blame-hang-dump-type none)
if [ -n "${MUNICIPAL_TEST_FAKETIME:-}" ]; then
    FAKETIME_LIB="$(find_faketime)"
    [ -n "$FAKETIME_LIB" ] || die "libfaketime not found after install"
    # Environment of the test host processes only: vstest's own sockets time out under a moved clock. The monotonic
    # clock moves too: with only the wall clock moved, .NET's timed waits return at once under libfaketime. File
    # times read are moved as well, so a time a test writes on a file (FAKE_UTIME) is taken back by the same offset.
    cat >"$RESULTS/faketime.runsettings" <<EOF
<RunSettings><RunConfiguration><EnvironmentVariables>
  <LD_PRELOAD>$FAKETIME_LIB</LD_PRELOAD>
  <FAKETIME>$MUNICIPAL_TEST_FAKETIME</FAKETIME>
  <FAKE_UTIME>1</FAKE_UTIME>
</EnvironmentVariables></RunConfiguration></RunSettings>
EOF
    settings=(--settings "$RESULTS/faketime.runsettings")
    # The hang detector's collector cannot be reached from a test host on a moved clock: a run by hand goes without it.
    blame=()
    step "the test processes run on the machine clock moved by $MUNICIPAL_TEST_FAKETIME"
fi
step "dotnet test Municipal.sln -c Release"
# .trx files (one per test assembly) are kept in TestResults/ci for reading; the counts come from
# the one summary line that dotnet test prints per assembly (trx names are only unique to the second).
set +e
dotnet test Municipal.sln -c Release --no-build -nologo "${settings[@]}" \
    --results-directory "$RESULTS" --logger "trx;LogFilePrefix=results" \
    "${blame[@]}" </dev/null 2>&1 | tee "$RESULTS/console.log"
test_rc=${PIPESTATUS[0]}
set -e

# ---------------------------------------------------------------- summary
# "Passed!  - Failed:     0, Passed:     3, Skipped:     1, Total:     4, Duration: ... - X.Tests.dll (net10.0)"
read -r assemblies passed failed skipped < <(
    sed -n 's/^[A-Za-z]*! *- *Failed: *\([0-9]*\), *Passed: *\([0-9]*\), *Skipped: *\([0-9]*\), *Total: *\([0-9]*\).*/\1 \2 \3/p' \
        "$RESULTS/console.log" |
    awk '{ n++; f += $1; p += $2; s += $3 } END { print n + 0, p + 0, f + 0, s + 0 }')

echo "test results: $assemblies test assemblies, $((SECONDS - START))s in all; .trx files in ${RESULTS#"$ROOT"/}"
summary="$passed passed, $failed failed"
[ "$skipped" -eq 0 ] || summary="$summary, $skipped skipped"
echo "$summary"

if [ "$test_rc" -ne 0 ]; then
    echo "build/test.sh: dotnet test exited with code $test_rc" >&2
    exit 1
fi
if [ "$failed" -ne 0 ]; then exit 1; fi
if [ "$passed" -eq 0 ]; then
    echo "build/test.sh: no test ran" >&2
    exit 1
fi
