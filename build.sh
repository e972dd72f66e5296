#!/usr/bin/env bash
# Build, test, run, pack and benchmark GrpcExports from a POSIX shell.
# CI calls `./build.sh test` (see .ci/run); build.ps1 offers the same commands to PowerShell users.
# Usage: ./build.sh help
set -euo pipefail

REPO_ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
readonly REPO_ROOT
readonly CONFIGURATION="Release"
readonly SOLUTION="$REPO_ROOT/GrpcExports.sln"
readonly ARTIFACTS_DIR="$REPO_ROOT/artifacts"
readonly TEST_RESULTS_DIR="$ARTIFACTS_DIR/test-results"
readonly TEST_CLIENTS_DIR="$REPO_ROOT/tests/clients"
readonly BUF="$TEST_CLIENTS_DIR/node_modules/.bin/buf"
readonly SERVER_PROJECT="$REPO_ROOT/server/GrpcExports.Server"
readonly BENCHMARKS_PROJECT="$REPO_ROOT/tests/Benchmarks"
readonly MICROBENCHMARKS_PROJECT="$REPO_ROOT/tests/MicroBenchmarks"
# The engine project builds last of the module's projects and lays out the module folder (ModuleLayout.targets).
readonly POWERSHELL_MODULE_PROJECT="$REPO_ROOT/pwsh/GrpcExports.PowerShell.Engine/GrpcExports.PowerShell.Engine.csproj"
readonly POWERSHELL_MODULE_DIR="$ARTIFACTS_DIR/module/GrpcExports"

# Debian packages the service and its tests use: ffmpeg and ImageMagick render, PostgreSQL's server
# binaries back the embedded event store, h2load drives the benchmarks, DejaVu is the default font.
readonly DEBIAN_PACKAGES=(ffmpeg imagemagick postgresql-15 nghttp2-client fonts-dejavu-core)

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

print_help() {
    cat <<'EOF'
Usage: ./build.sh COMMAND [ARGS...]

Commands:
  build   install what is missing, restore and build GrpcExports.sln (Release)
  test    build, lint the protos with buf, run every test, print 'N passed, N failed'
          (ARGS go to `dotnet test`, for example: ./build.sh test --filter FullyQualifiedName~Framing)
  run     build, then start the server on 127.0.0.1:5000 (ARGS are ASP.NET Core configuration,
          for example: ./build.sh run --Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:6000);
          ./build.sh run keys create|list|revoke ... manages API keys instead (see README, Security)
  pack    lay out the PowerShell module in artifacts/module/GrpcExports/<version>/
  bench   build, then run the benchmark program (ARGS go to the program)
  microbench
          build, then run the BenchmarkDotNet micro-benchmarks, a short job in-process (ARGS go to
          BenchmarkDotNet, for example: --filter '*Compositor*'; --full for its default job)
  help    show this text

Set-up (build, test, run, bench, microbench): missing Debian packages are installed when running as root
(otherwise the exact sudo command is printed), then `npm ci` in tests/clients, then `dotnet tool restore`
(PowerShell, for the module's tests), then `dotnet build`.
EOF
}

# ---------------------------------------------------------------------------------------------
# Debian packages

is_debian_package_installed() {
    [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]
}

list_missing_debian_packages() {
    local package
    for package in "${DEBIAN_PACKAGES[@]}"; do
        is_debian_package_installed "$package" || printf '%s\n' "$package"
    done
    command -v node >/dev/null 2>&1 || printf '%s\n' nodejs
    command -v npm >/dev/null 2>&1 || printf '%s\n' npm
}

# Another shell (or unattended-upgrades) may hold apt's locks; wait for it instead of failing.
wait_for_apt_locks() {
    command -v fuser >/dev/null 2>&1 || return 0
    local waited=0
    while fuser /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock >/dev/null 2>&1; do
        if [ "$waited" -ge 600 ]; then
            die "apt is still locked by another process after ${waited}s"
        fi
        [ "$waited" -eq 0 ] && log "waiting for another apt/dpkg process to finish"
        sleep 5
        waited=$((waited + 5))
    done
}

# We start private PostgreSQL clusters ourselves, so ask the Debian package not to create the
# default 'main' cluster when it is installed fresh (postgresql-common reads createcluster.d).
skip_default_postgresql_cluster() {
    local conf_dir=/etc/postgresql-common/createcluster.d
    mkdir -p "$conf_dir"
    printf '%s\n' '# Written by GrpcExports build.sh: the service starts its own private clusters.' \
        'create_main_cluster = false' >"$conf_dir/50-grpcexports.conf"
}

install_debian_packages() {
    local apt_options=(-q -o DPkg::Lock::Timeout=600)
    case " $* " in
        *" postgresql-15 "*) skip_default_postgresql_cluster ;;
    esac
    log "installing Debian packages: $*"
    wait_for_apt_locks
    DEBIAN_FRONTEND=noninteractive apt-get "${apt_options[@]}" update
    wait_for_apt_locks
    DEBIAN_FRONTEND=noninteractive apt-get "${apt_options[@]}" install -y --no-install-recommends "$@"
}

ensure_debian_packages() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        log "not a Debian system: make sure ffmpeg, ImageMagick, a PostgreSQL server, h2load," \
            "the DejaVu fonts and Node.js with npm are installed"
        return 0
    fi
    local missing
    missing="$(list_missing_debian_packages | tr '\n' ' ')"
    missing="${missing% }"
    [ -n "$missing" ] || return 0
    if [ "$(id -u)" -eq 0 ]; then
        # shellcheck disable=SC2086 # the list is a space-separated set of package names
        install_debian_packages $missing
    else
        printf 'build.sh: missing Debian packages. Install them with:\n\n' >&2
        printf '  sudo apt-get update && sudo apt-get install -y --no-install-recommends %s\n\n' "$missing" >&2
        exit 1
    fi
}

# ---------------------------------------------------------------------------------------------
# Node.js test clients (buf, @grpc/grpc-js, @grpc/proto-loader)

test_clients_need_install() {
    local installed_lock="$TEST_CLIENTS_DIR/node_modules/.package-lock.json"
    [ ! -e "$installed_lock" ] ||
        [ "$TEST_CLIENTS_DIR/package-lock.json" -nt "$installed_lock" ] ||
        [ ! -x "$BUF" ]
}

ensure_test_clients() {
    if test_clients_need_install; then
        log "installing the Node.js test clients (npm ci in tests/clients)"
        (cd "$TEST_CLIENTS_DIR" && npm ci --no-audit --no-fund)
    fi
}

# ---------------------------------------------------------------------------------------------
# .NET

# The local tools in .config/dotnet-tools.json: PowerShell (`dotnet pwsh`), which the module's tests run.
restore_dotnet_tools() {
    log "restoring the .NET local tools (dotnet tool restore)"
    (cd "$REPO_ROOT" && dotnet tool restore)
}

build_solution() {
    log "building $(basename "$SOLUTION") ($CONFIGURATION)"
    dotnet build "$SOLUTION" -c "$CONFIGURATION"
}

set_up() {
    ensure_debian_packages
    ensure_test_clients
    restore_dotnet_tools
    build_solution
}

lint_protos() {
    log "buf lint protos"
    (cd "$REPO_ROOT" && "$BUF" lint protos)
}

# Runs the tests; returns dotnet test's exit code instead of stopping the script on failure.
run_dotnet_tests() {
    rm -rf "$TEST_RESULTS_DIR"
    mkdir -p "$TEST_RESULTS_DIR"
    log "dotnet test"
    local status=0
    dotnet test "$SOLUTION" -c "$CONFIGURATION" --no-build \
        --logger "console;verbosity=normal" \
        --logger trx \
        --results-directory "$TEST_RESULTS_DIR" \
        --blame-hang-timeout 10m --blame-hang-dump-type none \
        "$@" || status=$?
    return "$status"
}

# Sums one attribute of the <Counters> element over every trx file that dotnet test wrote.
sum_trx_counter() {
    local attribute=$1 total=0 file value
    for file in "$TEST_RESULTS_DIR"/*.trx; do
        [ -e "$file" ] || continue
        value="$(grep -o '<Counters [^>]*' "$file" | grep -o " $attribute=\"[0-9]*\"" | grep -o '[0-9][0-9]*' | head -n 1 || true)"
        total=$((total + ${value:-0}))
    done
    printf '%s\n' "$total"
}

# dotnet build servers outlive the build; in CI nothing should be left running.
stop_build_servers_in_ci() {
    if [ "${CI:-}" = "true" ]; then
        dotnet build-server shutdown >/dev/null 2>&1 || true
    fi
}

# Prints the closing line 'N passed, N failed[, N skipped]' and fails on failures or no tests.
report_test_results() {
    local dotnet_status=$1
    local total executed passed failed skipped summary
    total="$(sum_trx_counter total)"
    executed="$(sum_trx_counter executed)"
    passed="$(sum_trx_counter passed)"
    failed=$(($(sum_trx_counter failed) + $(sum_trx_counter error) + $(sum_trx_counter timeout) + $(sum_trx_counter aborted)))
    skipped=$((total - executed))
    if [ "$dotnet_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
        # The run itself broke (a crashed or hung test host): count it as a failure.
        log "dotnet test exited with $dotnet_status"
        failed=1
    fi
    [ "$executed" -gt 0 ] || log "no test ran"
    summary="$passed passed, $failed failed"
    [ "$skipped" -eq 0 ] || summary="$summary, $skipped skipped"
    printf '%s\n' "$summary"
    [ "$failed" -eq 0 ] && [ "$executed" -gt 0 ]
}

# ---------------------------------------------------------------------------------------------
# Commands

command_build() {
    set_up
}

command_test() {
    set_up
    lint_protos
    local status=0
    run_dotnet_tests "$@" || status=$?
    stop_build_servers_in_ci
    report_test_results "$status"
}

command_run() {
    set_up
    exec dotnet run -c "$CONFIGURATION" --no-build --project "$SERVER_PROJECT" -- "$@"
}

command_pack() {
    log "laying out the PowerShell module in ${POWERSHELL_MODULE_DIR#"$REPO_ROOT"/}"
    dotnet build "$POWERSHELL_MODULE_PROJECT" -c "$CONFIGURATION" "$@"
}

command_bench() {
    set_up
    exec dotnet run -c "$CONFIGURATION" --no-build --project "$BENCHMARKS_PROJECT" -- "$@"
}

command_microbench() {
    set_up
    exec dotnet run -c "$CONFIGURATION" --no-build --project "$MICROBENCHMARKS_PROJECT" -- "$@"
}

main() {
    local command="${1:-help}"
    [ "$#" -eq 0 ] || shift
    case "$command" in
        build) command_build "$@" ;;
        test) command_test "$@" ;;
        run) command_run "$@" ;;
        pack) command_pack "$@" ;;
        bench) command_bench "$@" ;;
        microbench) command_microbench "$@" ;;
        help | -h | --help) print_help ;;
        *)
            print_help >&2
            die "unknown command: $command"
            ;;
    esac
}

# Run only when executed, so the functions can be sourced for a look at one step.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    main "$@"
fi
